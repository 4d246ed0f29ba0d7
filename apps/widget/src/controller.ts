/** Open/closed state shared by `window.Frontdesk` and the UI; calls made before mount are remembered. */
export interface Controller {
  readonly isOpen: boolean;
  setOpen(open: boolean): void;
  subscribe(listener: (open: boolean) => void): () => void;
}

export function createController(): Controller {
  let open = false;
  const listeners = new Set<(open: boolean) => void>();
  return {
    get isOpen() {
      return open;
    },
    setOpen(next) {
      open = next;
      for (const listener of listeners) listener(next);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
