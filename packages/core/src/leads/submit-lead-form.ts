import { readLeadCapture } from "../bots/widget-settings";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { parseInput } from "../parse-input";
import { isRecordId } from "../record-id";
import { readLeadForm } from "./lead-form";
import { requestLeadQualification } from "./qualification/request-qualification";
import { submitLeadFormInput, type LeadView, type SubmitLeadFormInput } from "./schemas";
import { upsertConversationLead } from "./upsert-conversation-lead";
import { toLeadView } from "./views";

/**
 * The visitor sent the inline lead form (widget only): the bot's required fields must be there and valid, the
 * contact is stored as the conversation's Lead and the form message is marked submitted so history shows it done.
 */
export async function submitLeadForm(
  ctx: ServiceContext,
  conversationId: string,
  input: SubmitLeadFormInput,
): Promise<{ lead: LeadView; formMessageId: string | null }> {
  if (ctx.actor.type !== "widget") throw new AppError("forbidden", "Lead forms are submitted from the widget");
  const { visitorId, ...contact } = parseInput(submitLeadFormInput, input);
  if (!isRecordId(conversationId)) throw notFound("Conversation");
  const conversation = await ctx.prisma.conversation.findFirst({
    where: { id: conversationId, organizationId: ctx.organizationId, botId: ctx.actor.botId, visitorId },
    include: { bot: { select: { leadCapture: true } } },
  });
  if (!conversation) throw notFound("Conversation");
  const rule = readLeadCapture(conversation.bot.leadCapture);
  const missing = rule.requiredFields.filter((field) => !contact[field]);
  if (missing.length > 0) {
    throw new AppError("validation_failed", `Please fill in: ${missing.join(", ")}`, {
      fields: missing.map((field) => ({ field, message: `${field} is required` })),
    });
  }
  const lead = await upsertConversationLead(ctx, { botId: conversation.botId, conversationId, contact, source: "lead_form" });
  if (!lead) {
    throw new AppError("validation_failed", "Please fill in at least one field", {
      fields: rule.fields.map((field) => ({ field, message: "one of the fields is required" })),
    });
  }
  await requestLeadQualification(ctx, { conversationId, cause: `lead-form-${lead.id}-${lead.updatedAt.getTime()}` });
  const forms = await ctx.prisma.message.findMany({
    where: { conversationId, organizationId: ctx.organizationId, metadata: { path: ["type"], equals: "lead_form" } },
    orderBy: { createdAt: "desc" },
    take: 1,
  });
  const form = forms[0];
  const metadata = form ? readLeadForm(form.metadata) : null;
  if (form && metadata && !metadata.submittedAt) {
    await ctx.prisma.message.update({ where: { id: form.id }, data: { metadata: { ...metadata, submittedAt: new Date().toISOString() } } });
  }
  return { lead: toLeadView(lead), formMessageId: form?.id ?? null };
}
