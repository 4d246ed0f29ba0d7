"use client";

import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";

/**
 * Submit handling shared by the auth forms: runs `submit` with the form's fields, then sends the user to the
 * path it returns (refreshing server components, which read the new session); a failure stays on the form.
 */
export function useAuthSubmit(submit: (form: FormData) => Promise<string>) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setPending(true);
    setError(null);
    try {
      router.replace(await submit(form));
      router.refresh();
    } catch (caught) {
      setError(errorMessage(caught));
      setPending(false);
    }
  }

  return { onSubmit, error, pending };
}
