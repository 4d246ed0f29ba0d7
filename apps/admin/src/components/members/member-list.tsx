"use client";

import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { CopyButton } from "@/components/copy-button";
import { QueryState } from "@/components/query-state";
import { errorMessage } from "@/lib/errors";
import { formatDateTime } from "@/lib/format";
import { useTRPC } from "@/lib/trpc";
import { invitationLink } from "./invitation-link";

/** Members with their roles, then invitations still open (link to copy, Cancel). */
export function MemberList({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const list = useQuery(trpc.members.list.queryOptions());
  const cancel = useMutation(trpc.members.cancelInvitation.mutationOptions({ onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.members.list.queryKey() }) }));
  if (!list.data) return <QueryState error={list.error} />;

  return (
    <>
      <section className="card" data-testid="member-list">
        <h2>Members</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th>Name</th>
                <th>Email</th>
                <th>Role</th>
                <th>Joined</th>
              </tr>
            </thead>
            <tbody>
              {list.data.members.map((member) => (
                <tr key={member.id} data-testid="member">
                  <td>{member.name}</td>
                  <td>{member.email}</td>
                  <td>{member.role}</td>
                  <td className="small">{formatDateTime(member.joinedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      {list.data.invitations.length > 0 && (
        <section className="card" data-testid="invitation-list">
          <h2>Invitations</h2>
          <ul className="plain-list gap-list">
            {list.data.invitations.map((invitation) => (
              <li key={invitation.id} className="row" style={{ justifyContent: "space-between" }} data-testid="invitation">
                <span className="break">
                  <strong>{invitation.email}</strong> as {invitation.role ?? "member"}
                  <span className="muted small"> · by {invitation.invitedBy} · until {formatDateTime(invitation.expiresAt)}</span>
                </span>
                {canManage && (
                  <span className="row">
                    <CopyButton text={invitationLink(invitation.id)} label="Copy link" />
                    <button type="button" className="link small" disabled={cancel.isPending} onClick={() => cancel.mutate({ invitationId: invitation.id })}>
                      Cancel
                    </button>
                  </span>
                )}
              </li>
            ))}
          </ul>
          {cancel.error && <p className="error" role="alert">{errorMessage(cancel.error)}</p>}
        </section>
      )}
    </>
  );
}
