"use client";

import { SettingsNav } from "@/components/settings/settings-nav";
import { useCanManage } from "@/lib/use-can-manage";
import { InviteMemberForm } from "./invite-member-form";
import { MemberList } from "./member-list";

/** The organization's people: invite with a role (owners and admins), members and open invitations. */
export function MembersPage() {
  const canManage = useCanManage();
  return (
    <>
      <h1>Settings</h1>
      <SettingsNav />
      {canManage ? <InviteMemberForm /> : <p className="muted small" data-testid="admin-only-note">Only owners and admins invite people.</p>}
      <MemberList canManage={canManage} />
    </>
  );
}
