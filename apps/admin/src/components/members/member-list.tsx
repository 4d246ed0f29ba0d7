"use client";

import { useQuery } from "@tanstack/react-query";
import { QueryState } from "@/components/query-state";
import { useTRPC } from "@/lib/trpc";
import { InvitationRow } from "./invitation-row";
import { MemberRow } from "./member-row";

/** Members with their roles (change, remove), then invitations still open (resend, copy link, revoke). */
export function MemberList({ canManage }: { canManage: boolean }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.members.list.queryOptions());
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
                {canManage && <th aria-label="Actions" />}
              </tr>
            </thead>
            <tbody>
              {list.data.members.map((member) => (
                <MemberRow key={member.id} member={member} canManage={canManage} />
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
              <InvitationRow key={invitation.id} invitation={invitation} canManage={canManage} />
            ))}
          </ul>
        </section>
      )}
    </>
  );
}
