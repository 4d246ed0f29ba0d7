/** The admin page an invitee opens to join (this admin's own origin). */
export function invitationLink(invitationId: string): string {
  return `${window.location.origin}/invitations/${invitationId}`;
}
