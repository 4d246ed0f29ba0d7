"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { CopyButton } from "@/components/copy-button";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** Creates a key and shows it once: the API keeps only its hash. */
export function ApiKeyCreateForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const create = useMutation(
    trpc.apiKeys.create.mutationOptions({
      onSuccess: async () => {
        formRef.current?.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.apiKeys.list.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get("role"));
    create.mutate({ name: String(form.get("name")), role: role === "owner" || role === "member" ? role : "admin" });
  }

  return (
    <form ref={formRef} className="card" onSubmit={onSubmit}>
      <h2>Create an API key</h2>
      <p className="muted small">
        For the REST API (<code>Authorization: Bearer fd_…</code>) and scripts. A key may do what a member with its role may do.
      </p>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <label style={{ flex: "1 1 200px", margin: 0 }}>
          Name
          <input name="name" type="text" required maxLength={100} placeholder="Zapier" />
        </label>
        <label style={{ margin: 0 }}>
          Role
          <select name="role" defaultValue="admin" style={{ width: "auto" }}>
            <option value="member">Member</option>
            <option value="admin">Admin</option>
            <option value="owner">Owner</option>
          </select>
        </label>
        <button type="submit" disabled={create.isPending}>
          Create key
        </button>
      </div>
      {create.error && <p className="error" role="alert">{errorMessage(create.error)}</p>}
      {create.data && (
        <div className="notice-box" data-testid="new-api-key">
          <p className="small">
            Key <strong>{create.data.name}</strong> — copy it now, it is not shown again:
          </p>
          <pre className="snippet">{create.data.key}</pre>
          <CopyButton text={create.data.key} label="Copy key" />
        </div>
      )}
    </form>
  );
}
