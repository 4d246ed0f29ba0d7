import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { INVITATION_EXPIRES_IN_SECONDS } from "./invitation-expiry";
import type { InvitationEmail } from "./member-schemas";
import { sendInvitationEmail } from "./send-invitation-email";

/** Sends a pending invitation again with a fresh expiry (an expired one comes back to life, a cancelled one does not). */
export async function resendInvitation(ctx: ServiceContext, invitationId: string): Promise<{ id: string; expiresAt: string; email: InvitationEmail }> {
  const expiresAt = new Date(Date.now() + INVITATION_EXPIRES_IN_SECONDS * 1000);
  const { count } = await ctx.prisma.invitation.updateMany({
    where: { id: invitationId, organizationId: ctx.organizationId, status: "pending" },
    data: { expiresAt },
  });
  if (count === 0) throw notFound("Invitation");
  return { id: invitationId, expiresAt: expiresAt.toISOString(), email: await sendInvitationEmail(ctx, invitationId) };
}
