import { calcomProvider, emailProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../../context";
import { loadEnabledIntegrations } from "../../integrations/load-enabled-integrations";
import { readLeadAlerts } from "../lead-alerts";

export interface BookedAppointment {
  conversationId: string;
  /** Where the lead wrote from (web, sms, whatsapp…), for the owner. */
  channel: string;
  attendee: { name: string; email: string; phone?: string | null | undefined };
  start: string;
  timeZone: string;
  durationMinutes?: number | undefined;
  bookingUid: string;
}

/**
 * The booking's emails, when an email integration is connected: the confirmation to the lead, and a notice to the
 * owner. Who may receive what (the integration's "team recipients only" rule is there so a model cannot mail
 * arbitrary people):
 * - the lead's confirmation goes to the address the lead gave for this booking — their own appointment, not an
 *   address a model chose — so it is sent even when the integration only allows team recipients;
 * - the owner's notice goes to the bot's `leadAlerts.email` (an address the owner set) or else the integration's
 *   team recipients, under the integration's own rule: never to the lead or anyone else.
 * A failed email never undoes the booking: it is logged. Returns whether the lead's confirmation went out.
 */
export async function sendBookingEmails(ctx: ServiceContext, bot: { leadAlerts: unknown }, booked: BookedAppointment): Promise<boolean> {
  const [email] = await loadEnabledIntegrations(ctx, "email", emailProvider.emailConfigSchema);
  if (!email) return false;
  const organization = await ctx.prisma.organization.findUniqueOrThrow({ where: { id: ctx.organizationId }, select: { name: true } });
  let confirmed = false;
  try {
    await emailProvider.sendTemplatedEmail({ ...email.config, allowAnyRecipient: true }, email.providerContext, {
      template: "appointment_confirmation",
      to: [booked.attendee.email],
      data: {
        businessName: organization.name.slice(0, 120),
        attendeeName: booked.attendee.name.slice(0, 200),
        start: booked.start,
        timeZone: booked.timeZone,
        ...(booked.durationMinutes ? { durationMinutes: booked.durationMinutes } : {}),
      },
    });
    confirmed = true;
  } catch (error) {
    ctx.logger.warn({ err: error, conversationId: booked.conversationId }, "the booking confirmation email could not be sent");
  }

  const ownerAddress = readLeadAlerts(bot.leadAlerts).email;
  const to = ownerAddress ? [ownerAddress] : email.config.recipients;
  if (to.length > 0) {
    const when = calcomProvider.formatSlot(booked.start, { timeZone: booked.timeZone });
    try {
      // Only an address the owner set on the bot widens the integration's rule; team recipients pass it as they are.
      await emailProvider.deliverEmail(ownerAddress ? { ...email.config, allowAnyRecipient: true } : email.config, email.providerContext, {
        to,
        replyTo: booked.attendee.email,
        subject: `New booking: ${booked.attendee.name}`.slice(0, 250),
        text: [
          `${booked.attendee.name} booked ${when} (${booked.timeZone}) through the assistant (${booked.channel}).`,
          `Email: ${booked.attendee.email}`,
          ...(booked.attendee.phone ? [`Phone: ${booked.attendee.phone}`] : []),
          `Cal.com booking: ${booked.bookingUid}`,
          `Conversation: ${ctx.config.adminUrl}/conversations/${booked.conversationId}`,
        ].join("\n"),
      });
    } catch (error) {
      ctx.logger.warn({ err: error, conversationId: booked.conversationId }, "the owner's booking notice could not be sent");
    }
  }
  return confirmed;
}
