/**
 * Rows this process read last, per deployment (keyed by its Prisma client, so tests' databases stay apart) and key:
 * a request may start work with them at once while it reads them again, and compares before answering (see
 * readTurnBot, readSearchScope). Never an answer's source on its own: only a head start. The oldest key is forgotten
 * past `max`.
 */
export function recentReads<T>(max: number) {
  const byClient = new WeakMap<object, Map<string, T>>();
  const of = (client: object) => {
    let values = byClient.get(client);
    if (!values) byClient.set(client, (values = new Map()));
    return values;
  };
  return {
    get: (client: object, key: string): T | undefined => of(client).get(key),
    /** Remembers what `fresh` resolves to; a key read as nothing (or failing) is forgotten. */
    track(client: object, key: string, fresh: Promise<T | null | undefined>): void {
      const values = of(client);
      fresh.then(
        (value) => {
          values.delete(key);
          if (value === null || value === undefined) return;
          values.set(key, value);
          if (values.size > max) values.delete(values.keys().next().value!);
        },
        () => values.delete(key),
      );
    },
  };
}
