import { z } from "zod";
import { formatSlot, isValidTimeZone } from "../../calcom/slot-text";
import { type Block, renderHtml, renderText } from "./blocks";

const webUrl = z.url({ protocol: /^https?$/ });
const businessName = z.string().min(1).max(120).optional().describe("Business name shown in the email");
const brand = (name: string | undefined) => name ?? "Frontdesk";

export const hotLeadAlertSchema = z.object({
  businessName,
  lead: z.object({ name: z.string().max(200).optional(), email: z.email().optional(), phone: z.string().max(40).optional(), company: z.string().max(200).optional() }),
  score: z.number().int().min(0).max(100).optional(),
  serviceInterest: z.string().max(200).optional(),
  urgency: z.enum(["low", "medium", "high"]).optional(),
  budgetRange: z.string().max(100).optional(),
  timeline: z.string().max(200).optional(),
  summary: z.string().min(1).max(4000).describe("What the lead wants, in a few sentences"),
  conversationUrl: webUrl.optional(),
});

export const escalationAlertSchema = z.object({
  businessName,
  reason: z.string().min(1).max(300).describe("Why a human is needed, e.g. complaint, refund, question the agent cannot answer"),
  visitor: z.object({ name: z.string().max(200).optional(), email: z.email().optional(), phone: z.string().max(40).optional() }).default({}),
  lastMessage: z.string().max(4000).optional().describe("The visitor's last message, verbatim"),
  summary: z.string().max(4000).optional(),
  conversationUrl: webUrl.optional(),
});

export const appointmentConfirmationSchema = z.object({
  businessName,
  attendeeName: z.string().min(1).max(200),
  start: z.iso.datetime({ offset: true }).describe("Booking start as returned by book_meeting"),
  timeZone: z.string().refine(isValidTimeZone, { message: "Unknown IANA time zone" }).describe("Attendee's IANA time zone"),
  durationMinutes: z.number().int().positive().max(1440).optional(),
  location: z.string().max(300).optional().describe("Address or video link"),
  rescheduleUrl: webUrl.optional(),
  cancelUrl: webUrl.optional(),
  notes: z.string().max(2000).optional(),
});

export const dailySummarySchema = z.object({
  businessName,
  date: z.iso.date(),
  conversations: z.number().int().nonnegative(),
  leads: z.number().int().nonnegative(),
  hotLeads: z.number().int().nonnegative().default(0),
  bookings: z.number().int().nonnegative().default(0),
  escalations: z.number().int().nonnegative().default(0),
  topLeads: z.array(z.object({ name: z.string().max(200), score: z.number().int().min(0).max(100).optional(), summary: z.string().max(500).optional() })).max(20).default([]),
  /** Questions the assistant found nothing for that day, and the most asked of them. */
  unanswered: z.number().int().nonnegative().default(0),
  unansweredQuestions: z.array(z.string().max(300)).max(20).default([]),
  dashboardUrl: webUrl.optional(),
});

export const memberInvitationSchema = z.object({
  organizationName: z.string().min(1).max(120),
  inviterName: z.string().min(1).max(200),
  inviterEmail: z.email(),
  role: z.enum(["member", "admin", "owner"]),
  acceptUrl: webUrl.describe("The admin's page where the invitee joins"),
  expiresAt: z.iso.datetime({ offset: true }),
});

const leadName = (lead: { name?: string; email?: string; phone?: string }) => lead.name ?? lead.email ?? lead.phone ?? "Unknown visitor";

export const emailTemplates = {
  hot_lead_alert: {
    schema: hotLeadAlertSchema,
    build(d: z.infer<typeof hotLeadAlertSchema>) {
      const subject = `Hot lead: ${leadName(d.lead)}${d.score === undefined ? "" : ` (score ${d.score}/100)`}`;
      const blocks: Block[] = [
        { kind: "heading", text: subject },
        { kind: "paragraph", text: d.summary },
        {
          kind: "fields",
          rows: [
            ["Name", d.lead.name],
            ["Email", d.lead.email],
            ["Phone", d.lead.phone],
            ["Company", d.lead.company],
            ["Interested in", d.serviceInterest],
            ["Urgency", d.urgency],
            ["Budget", d.budgetRange],
            ["Timeline", d.timeline],
          ],
        },
        ...(d.conversationUrl ? [{ kind: "button" as const, label: "Open the conversation", url: d.conversationUrl }] : []),
        { kind: "paragraph", text: `Sent by ${brand(d.businessName)}'s AI front desk. Reply quickly: hot leads cool down within hours.` },
      ];
      return { subject, blocks };
    },
  },
  escalation_alert: {
    schema: escalationAlertSchema,
    build(d: z.infer<typeof escalationAlertSchema>) {
      const subject = `Needs a human: ${d.reason}`;
      const blocks: Block[] = [
        { kind: "heading", text: subject },
        { kind: "fields", rows: [["Visitor", leadName(d.visitor)], ["Email", d.visitor.email], ["Phone", d.visitor.phone]] },
        ...(d.lastMessage ? [{ kind: "paragraph" as const, text: `Last message: “${d.lastMessage}”` }] : []),
        ...(d.summary ? [{ kind: "paragraph" as const, text: d.summary }] : []),
        ...(d.conversationUrl ? [{ kind: "button" as const, label: "Take over the conversation", url: d.conversationUrl }] : []),
        { kind: "paragraph", text: `Sent by ${brand(d.businessName)}'s AI front desk.` },
      ];
      return { subject, blocks };
    },
  },
  appointment_confirmation: {
    schema: appointmentConfirmationSchema,
    build(d: z.infer<typeof appointmentConfirmationSchema>) {
      const when = formatSlot(d.start, { timeZone: d.timeZone });
      const subject = `Confirmed: ${brand(d.businessName)} on ${when}`;
      const blocks: Block[] = [
        { kind: "heading", text: "Your appointment is confirmed" },
        { kind: "paragraph", text: `Hi ${d.attendeeName}, see you on ${when} (${d.timeZone}).` },
        { kind: "fields", rows: [["When", `${when} (${d.timeZone})`], ["Duration", d.durationMinutes && `${d.durationMinutes} minutes`], ["Where", d.location], ["Notes", d.notes]] },
        ...(d.rescheduleUrl ? [{ kind: "button" as const, label: "Reschedule", url: d.rescheduleUrl }] : []),
        ...(d.cancelUrl ? [{ kind: "paragraph" as const, text: `Can't make it? Cancel here: ${d.cancelUrl}` }] : []),
        { kind: "paragraph", text: brand(d.businessName) },
      ];
      return { subject, blocks };
    },
  },
  daily_summary: {
    schema: dailySummarySchema,
    build(d: z.infer<typeof dailySummarySchema>) {
      const subject = `${brand(d.businessName)} daily summary for ${d.date}: ${d.leads} lead${d.leads === 1 ? "" : "s"}, ${d.bookings} booking${d.bookings === 1 ? "" : "s"}`;
      const blocks: Block[] = [
        { kind: "heading", text: `Daily summary – ${d.date}` },
        {
          kind: "fields",
          rows: [["Conversations", d.conversations], ["Leads", d.leads], ["Hot leads", d.hotLeads], ["Bookings", d.bookings], ["Escalations", d.escalations], ["Unanswered questions", d.unanswered]],
        },
        ...(d.topLeads.length > 0
          ? [
              { kind: "paragraph" as const, text: "Top leads:" },
              { kind: "list" as const, items: d.topLeads.map((l) => `${l.name}${l.score === undefined ? "" : ` (${l.score}/100)`}${l.summary ? ` – ${l.summary}` : ""}`) },
            ]
          : []),
        ...(d.unansweredQuestions.length > 0
          ? [
              { kind: "paragraph" as const, text: "Questions the assistant could not answer (add them to the knowledge):" },
              { kind: "list" as const, items: d.unansweredQuestions },
            ]
          : []),
        ...(d.dashboardUrl ? [{ kind: "button" as const, label: "Open the dashboard", url: d.dashboardUrl }] : []),
      ];
      return { subject, blocks };
    },
  },
  member_invitation: {
    schema: memberInvitationSchema,
    build(d: z.infer<typeof memberInvitationSchema>) {
      const subject = `${d.inviterName} invited you to ${d.organizationName} on Frontdesk`;
      const expires = new Date(d.expiresAt).toUTCString();
      const blocks: Block[] = [
        { kind: "heading", text: `Join ${d.organizationName}` },
        { kind: "paragraph", text: `${d.inviterName} (${d.inviterEmail}) invited you to ${d.organizationName}'s AI front desk as ${d.role}.` },
        { kind: "button", label: `Join ${d.organizationName}`, url: d.acceptUrl },
        { kind: "paragraph", text: `Or open ${d.acceptUrl} — sign in or create an account with this email address. The invitation expires ${expires}.` },
      ];
      return { subject, blocks };
    },
  },
} as const;

export type EmailTemplateName = keyof typeof emailTemplates;
export type EmailTemplateData<Name extends EmailTemplateName> = z.input<(typeof emailTemplates)[Name]["schema"]>;

export interface RenderedEmail {
  subject: string;
  html: string;
  text: string;
}

/** Validates `data` with the template's zod schema (throws ZodError naming the field) and renders both versions. */
export function renderEmailTemplate<Name extends EmailTemplateName>(name: Name, data: EmailTemplateData<Name>): RenderedEmail {
  const template = emailTemplates[name] as unknown as { schema: z.ZodType; build(data: unknown): { subject: string; blocks: Block[] } };
  const built = template.build(template.schema.parse(data));
  // Visitor-supplied text ends up in the subject; one line keeps it a single header on every transport.
  const subject = built.subject.replace(/\s+/g, " ").trim().slice(0, 250);
  const blocks = built.blocks;
  return { subject, html: renderHtml(subject, blocks), text: renderText(blocks) };
}
