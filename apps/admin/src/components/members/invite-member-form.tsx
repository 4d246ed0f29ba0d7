"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRef, type FormEvent } from "react";
import { CopyButton } from "@/components/copy-button";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";
import { EmailedNote } from "./emailed-note";
import { invitationLink } from "./invitation-link";

/**
 * Invites someone by email with a role. The API emails the link through the organization's email integration;
 * the link is shown too (to pass on when no email went out), with whether it did.
 */
export function InviteMemberForm() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const formRef = useRef<HTMLFormElement>(null);
  const invite = useMutation(
    trpc.members.invite.mutationOptions({
      onSuccess: async () => {
        formRef.current?.reset();
        await queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
      },
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const role = String(form.get("role"));
    invite.mutate({ email: String(form.get("email")), role: role === "admin" || role === "owner" ? role : "member" });
  }

  return (
    <form ref={formRef} className="card" onSubmit={onSubmit}>
      <h2>Invite someone</h2>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <label style={{ flex: "1 1 220px", margin: 0 }}>
          Email
          <input name="email" type="email" required placeholder="colleague@example.com" />
        </label>
        <label style={{ margin: 0 }}>
          Role
          <select name="role" defaultValue="member" style={{ width: "auto" }}>
            <option value="member">Member</option>
            <option value="admin">Admin</option>
            <option value="owner">Owner</option>
          </select>
        </label>
        <button type="submit" disabled={invite.isPending}>
          Invite
        </button>
      </div>
      <p className="muted small">Members keep knowledge current and answer conversations; admins and owners also change bots, integrations and keys.</p>
      {invite.error && <p className="error" role="alert">{errorMessage(invite.error)}</p>}
      {invite.data && (
        <div className="notice-box" data-testid="invitation-created">
          <p className="small">
            Invitation for <strong>{invite.data.email}</strong>, valid until {new Date(invite.data.expiresAt).toLocaleDateString()}. The link:
          </p>
          <EmailedNote emailed={invite.data.emailed} />
          <pre className="snippet">{invitationLink(invite.data.id)}</pre>
          <CopyButton text={invitationLink(invite.data.id)} label="Copy link" />
        </div>
      )}
    </form>
  );
}
