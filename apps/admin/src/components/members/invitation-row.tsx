"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { CopyButton } from "@/components/copy-button";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { EmailedNote } from "./emailed-note";
import { invitationLink } from "./invitation-link";

type Invitation = RouterOutputs["members"]["list"]["invitations"][number];

/** A pending invitation: owners and admins resend the email (fresh expiry), copy the link or revoke it. */
export function InvitationRow({ invitation, canManage }: { invitation: Invitation; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const refresh = () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() });
  const resend = useMutation(trpc.members.resendInvitation.mutationOptions({ onSuccess: refresh }));
  const revoke = useMutation(trpc.members.cancelInvitation.mutationOptions({ onSuccess: refresh }));
  const error = resend.error ?? revoke.error;

  return (
    <li data-testid="invitation">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <span className="break">
          <strong>{invitation.email}</strong> as {invitation.role ?? "member"}
          <span className="muted small"> · by {invitation.invitedBy} · until {formatDateTime(invitation.expiresAt)}</span>
        </span>
        {canManage && (
          <span className="row">
            <button type="button" className="secondary small" disabled={resend.isPending} onClick={() => resend.mutate({ invitationId: invitation.id })}>
              Resend
            </button>
            <CopyButton text={invitationLink(invitation.id)} label="Copy link" />
            <button type="button" className="link small" disabled={revoke.isPending} onClick={() => revoke.mutate({ invitationId: invitation.id })}>
              Revoke
            </button>
          </span>
        )}
      </div>
      {resend.data && <EmailedNote emailed={resend.data.email} />}
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
    </li>
  );
}
