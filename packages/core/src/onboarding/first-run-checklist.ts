import type { ServiceContext } from "../context";

/** Integrations that bring visitors in through another channel (SMS / WhatsApp, phone). */
const CHANNEL_INTEGRATIONS = ["twilio", "vapi"];

export type FirstRunStep = "knowledge" | "test" | "widget" | "embed" | "channel";

export interface FirstRunChecklist {
  steps: Array<{ step: FirstRunStep; done: boolean }>;
  /** Every step done: the dashboard stops showing the checklist. */
  complete: boolean;
}

/**
 * What a new owner has done so far, each step read from real data: a document ready to answer from, a test
 * conversation (the admin's preview or any other), a widget whose look was changed, a visitor through the widget,
 * and a channel beyond the web (an SMS/WhatsApp or phone integration, or a conversation that came through one).
 */
export async function firstRunChecklist(ctx: ServiceContext): Promise<FirstRunChecklist> {
  const organizationId = ctx.organizationId;
  const db = ctx.prisma;
  const [knowledge, tested, widget, embedded, channelIntegration, channelConversation] = await Promise.all([
    db.document.findFirst({ where: { organizationId, status: "ready" }, select: { id: true } }),
    db.conversation.findFirst({ where: { organizationId }, select: { id: true } }),
    db.bot.findFirst({ where: { organizationId, NOT: { appearance: { equals: {} } } }, select: { id: true } }),
    db.conversation.findFirst({ where: { organizationId, channel: "web" }, select: { id: true } }),
    db.integration.findFirst({ where: { organizationId, enabled: true, type: { in: CHANNEL_INTEGRATIONS } }, select: { id: true } }),
    db.conversation.findFirst({ where: { organizationId, channel: { in: ["sms", "whatsapp", "voice"] } }, select: { id: true } }),
  ]);
  const steps: FirstRunChecklist["steps"] = [
    { step: "knowledge", done: Boolean(knowledge) },
    { step: "test", done: Boolean(tested) },
    { step: "widget", done: Boolean(widget) },
    { step: "embed", done: Boolean(embedded) },
    { step: "channel", done: Boolean(channelIntegration ?? channelConversation) },
  ];
  return { steps, complete: steps.every((s) => s.done) };
}
