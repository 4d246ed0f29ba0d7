import { emailProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { loadEnabledIntegrations } from "../integrations/load-enabled-integrations";
import { memberRoleSchema, type InvitationEmail } from "./member-schemas";

/** The admin page where the invitee signs in (or up) and joins. */
export const invitationUrl = (ctx: Pick<ServiceContext, "config">, invitationId: string) => `${ctx.config.adminUrl}/invitations/${invitationId}`;

/**
 * Emails a pending invitation's link through the organization's email integration (as every other email is sent).
 * Without one, or when the provider refuses, nothing is thrown: the invitation stands and the admin shows the link
 * to pass on, with the reason.
 */
export async function sendInvitationEmail(ctx: ServiceContext, invitationId: string): Promise<InvitationEmail> {
  const invitation = await ctx.prisma.invitation.findFirst({
    where: { id: invitationId, organizationId: ctx.organizationId, status: "pending" },
    include: { organization: { select: { name: true } }, inviter: { select: { name: true, email: true } } },
  });
  if (!invitation) throw notFound("Invitation");
  const [email] = await loadEnabledIntegrations(ctx, "email", emailProvider.emailConfigSchema);
  if (!email) return { sent: false, reason: "no email integration is connected: pass the link on yourself" };
  try {
    // The invitee is not on the team recipients list; an admin chose this address, as for hot-lead alerts.
    const delivered = await emailProvider.sendTemplatedEmail({ ...email.config, allowAnyRecipient: true }, email.providerContext, {
      template: "member_invitation",
      to: [invitation.email],
      replyTo: invitation.inviter.email,
      data: {
        organizationName: invitation.organization.name.slice(0, 120),
        inviterName: (invitation.inviter.name || invitation.inviter.email).slice(0, 200),
        inviterEmail: invitation.inviter.email,
        role: memberRoleSchema.catch("member").parse(invitation.role),
        acceptUrl: invitationUrl(ctx, invitation.id),
        expiresAt: invitation.expiresAt.toISOString(),
      },
    });
    return { sent: true, to: invitation.email, via: delivered.via };
  } catch (error) {
    ctx.logger.warn({ err: error, invitationId }, "invitation email not sent");
    return { sent: false, reason: `the email could not be sent (${(error as Error).message}): pass the link on yourself` };
  }
}
