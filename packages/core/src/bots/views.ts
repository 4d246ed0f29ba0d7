import type { Bot } from "@frontdesk/db";
import { readBookingSettings } from "../leads/booking/schemas";
import { readFollowUps } from "../leads/follow-ups/schemas";
import { readLeadAlerts } from "../leads/lead-alerts";
import { readAppearance, readLeadCapture } from "./widget-settings";
import { answerSettingsSchema, type AnswerSettings, type BotView } from "./schemas";

/** Settings written by older versions may not match today's schema; unknown or invalid keys are dropped. */
export function readAnswerSettings(value: unknown): AnswerSettings {
  const parsed = answerSettingsSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const loose = answerSettingsSchema.partial().strip().safeParse(value);
  return loose.success ? loose.data : {};
}

export const withKnowledgeBaseIds = {
  knowledgeBases: { select: { knowledgeBaseId: true }, orderBy: { createdAt: "asc" } },
} as const;

export function toBotView(bot: Bot & { knowledgeBases: { knowledgeBaseId: string }[] }): BotView {
  return {
    id: bot.id,
    name: bot.name,
    systemPrompt: bot.systemPrompt,
    greeting: bot.greeting,
    answerSettings: readAnswerSettings(bot.answerSettings),
    publicKey: bot.publicKey,
    allowedOrigins: bot.allowedOrigins,
    appearance: readAppearance(bot.appearance),
    leadCapture: readLeadCapture(bot.leadCapture),
    knowledgeBaseIds: bot.knowledgeBases.map((link) => link.knowledgeBaseId),
    voice: { serverSecret: bot.voiceSecret === null ? null : (bot.voiceSecretHint ?? "••••") },
    leadAlerts: readLeadAlerts(bot.leadAlerts),
    followUps: readFollowUps(bot.followUps),
    booking: readBookingSettings(bot.booking),
    createdAt: bot.createdAt.toISOString(),
    updatedAt: bot.updatedAt.toISOString(),
  };
}
