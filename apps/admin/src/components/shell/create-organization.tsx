"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/**
 * Shown when the session has no active organization: pick one the user belongs to, or create one (e.g. when
 * sign-up was interrupted before its organization was created).
 */
export function CreateOrganization({ defaultName }: { defaultName: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const organizations = useQuery(trpc.organization.list.queryOptions());
  const [error, setError] = useState<unknown>(null);
  const options = { onSuccess: () => queryClient.invalidateQueries(), onError: setError };
  const create = useMutation(trpc.organization.create.mutationOptions(options));
  const select = useMutation(trpc.organization.setActive.mutationOptions(options));

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate({ name: String(new FormData(event.currentTarget).get("name")) });
  }

  return (
    <div className="stack" style={{ maxWidth: 480 }}>
      {organizations.data && organizations.data.length > 0 && (
        <section className="card">
          <h1>Choose an organization</h1>
          <div className="row">
            {organizations.data.map((organization) => (
              <button
                key={organization.id}
                type="button"
                className="secondary"
                disabled={select.isPending}
                onClick={() => select.mutate({ organizationId: organization.id })}
              >
                {organization.name}
              </button>
            ))}
          </div>
        </section>
      )}
      <form className="card" onSubmit={onSubmit}>
        <h2>Create an organization</h2>
        <p className="muted">It comes with a bot and a knowledge base to start from.</p>
        <label>
          Organization name
          <input name="name" type="text" defaultValue={defaultName} required />
        </label>
        <button type="submit" disabled={create.isPending}>
          Create organization
        </button>
      </form>
      {error !== null && <p className="error" role="alert">{errorMessage(error)}</p>}
    </div>
  );
}
