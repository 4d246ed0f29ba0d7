"use client";

import { useState } from "react";
import { Modal } from "@/components/modal";
import { errorMessage } from "@/lib/errors";

/**
 * A "Delete …" button that asks first, in a dialog saying what goes with it; `onConfirm` does the deleting
 * (its error is shown in the dialog).
 */
export function ConfirmDelete({
  label,
  title,
  consequences,
  onConfirm,
}: {
  label: string;
  title: string;
  consequences: string;
  onConfirm: () => Promise<unknown>;
}) {
  const [open, setOpen] = useState(false);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function confirm() {
    setPending(true);
    setError(null);
    try {
      await onConfirm();
      setOpen(false);
    } catch (caught) {
      setError(caught);
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      <button type="button" className="danger" onClick={() => setOpen(true)}>
        {label}
      </button>
      {open && (
        <Modal title={title} onClose={() => setOpen(false)}>
          <p>{consequences}</p>
          {error !== null && <p className="error" role="alert">{errorMessage(error)}</p>}
          <div className="row">
            <button type="button" className="danger" disabled={pending} onClick={confirm}>
              {label}
            </button>
            <button type="button" className="secondary" onClick={() => setOpen(false)}>
              Cancel
            </button>
          </div>
        </Modal>
      )}
    </>
  );
}
