import type { Channel, Message } from "@frontdesk/db";
import { z } from "zod";
import { leadFieldSchema, readLeadCapture } from "../bots/widget-settings";
import type { ServiceContext } from "../context";

/** Message.metadata of a lead form the widget renders inline; submittedAt is set once the visitor sent it. */
export const leadFormMetadataSchema = z.object({
  type: z.literal("lead_form"),
  fields: z.array(leadFieldSchema),
  requiredFields: z.array(leadFieldSchema),
  submittedAt: z.string().optional(),
});
export type LeadFormMetadata = z.infer<typeof leadFormMetadataSchema>;

export function readLeadForm(metadata: unknown): LeadFormMetadata | null {
  const parsed = leadFormMetadataSchema.safeParse(metadata);
  return parsed.success ? parsed.data : null;
}

const LEAD_FORM_PROMPT = "Leave your contact details and we'll get back to you.";

/**
 * Adds the bot's lead form to a conversation when its leadCapture rule says so after this point (`turn`: an
 * answer was given; `handoff`: a person was asked for). At most one form per conversation, and none once the
 * conversation's lead already has every required field.
 */
export async function addLeadFormIfDue(
  ctx: ServiceContext,
  input: { conversationId: string; channel?: Channel; leadCapture: unknown; trigger: "turn" | "handoff" },
): Promise<Message | null> {
  const rule = readLeadCapture(input.leadCapture);
  if (rule.mode === "off") return null;
  // A text message cannot carry a form; on SMS and WhatsApp the phone number is the contact already.
  if (input.channel === "sms" || input.channel === "whatsapp") return null;
  if (rule.mode === "on_handoff" && input.trigger !== "handoff") return null;
  const where = { conversationId: input.conversationId, organizationId: ctx.organizationId };
  if (rule.mode === "after_messages") {
    const asked = await ctx.prisma.message.count({ where: { ...where, role: "user" } });
    if (asked < rule.afterMessages) return null;
  }
  const existing = await ctx.prisma.message.findFirst({ where: { ...where, metadata: { path: ["type"], equals: "lead_form" } }, select: { id: true } });
  if (existing) return null;
  const lead = await ctx.prisma.lead.findFirst({ where, select: { name: true, email: true, phone: true } });
  if (lead && rule.requiredFields.length > 0 && rule.requiredFields.every((field) => lead[field])) return null;
  const metadata: LeadFormMetadata = { type: "lead_form", fields: rule.fields, requiredFields: rule.requiredFields };
  return ctx.prisma.message.create({
    data: { ...where, role: "assistant", content: LEAD_FORM_PROMPT, metadata },
  });
}
