"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { ensureOrganization } from "@/lib/ensure-organization";
import { errorMessage } from "@/lib/errors";
import { useTRPCClient } from "@/lib/trpc";

/** Shown when a signed-in user belongs to no organization (e.g. sign-up was interrupted before creating one). */
export function CreateOrganization({ defaultName }: { defaultName: string }) {
  const trpcClient = useTRPCClient();
  const queryClient = useQueryClient();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const name = String(new FormData(event.currentTarget).get("name")).trim();
    setPending(true);
    setError(null);
    try {
      await ensureOrganization(trpcClient, name);
      await queryClient.invalidateQueries();
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setPending(false);
    }
  }

  return (
    <form className="card" onSubmit={onSubmit} style={{ maxWidth: 480 }}>
      <h1>Create your organization</h1>
      <p className="muted">It comes with a bot and a knowledge base to start from.</p>
      <label>
        Organization name
        <input name="name" type="text" defaultValue={defaultName} required />
      </label>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" disabled={pending}>
        Create organization
      </button>
    </form>
  );
}
