import { Prisma } from "@frontdesk/db";
import type { Vapi } from "@vapi-ai/server-sdk";
import { z } from "zod";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { buildAssistant } from "./assistant-request";
import { vapiApiFor } from "./vapi-api";
import { vapiServerUrl, withKnowledgeBaseLinks, type VoiceBot } from "./voice-bot";
import { readVoiceSecret } from "./voice-secret";

export const linkVapiAssistantInput = z
  .object({
    /** A `vapi` integration of the organization (its private API key). */
    integrationId: z.string().min(1),
    /** An existing assistant to point at the bot; omitted → Frontdesk creates one. */
    assistantId: z.string().min(1).max(200).optional(),
  })
  .strict();
export type LinkVapiAssistantInput = z.input<typeof linkVapiAssistantInput>;

export const vapiLinkSchema = z.object({
  botId: z.string(),
  integrationId: z.string().nullable(),
  assistantId: z.string().nullable(),
  serverUrl: z.string(),
  /** true: Frontdesk created the assistant (unlinking deletes it); false: an existing one (unlinking restores it). */
  created: z.boolean(),
});
export type VapiLinkView = z.infer<typeof vapiLinkSchema>;

/** The fields linking overwrites on an existing assistant, kept to put back on unlink. */
const RESTORED_FIELDS = ["name", "firstMessage", "model", "server", "serverMessages"] as const;

async function loadBot(ctx: ServiceContext, botId: string): Promise<VoiceBot> {
  const bot = await ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: ctx.organizationId }, include: withKnowledgeBaseLinks });
  if (!bot) throw new AppError("not_found", "Bot not found");
  return bot;
}

/** Vapi's assistant API for the integration; a refusal (bad key, unknown assistant) is the owner's 503/404, not a 500. */
async function assistantsFor(ctx: ServiceContext, integrationId: string) {
  return (await vapiApiFor(ctx, integrationId)).assistants;
}

function view(ctx: ServiceContext, bot: Pick<VoiceBot, "id" | "publicKey" | "vapiIntegrationId" | "vapiAssistantId" | "vapiRestore">): VapiLinkView {
  return { botId: bot.id, integrationId: bot.vapiIntegrationId, assistantId: bot.vapiAssistantId, serverUrl: vapiServerUrl(ctx, bot), created: bot.vapiAssistantId !== null && bot.vapiRestore === null };
}

/**
 * Points a Vapi assistant at the bot (seed 000's "linking"): its server URL and secret, prompt, greeting, model, the
 * bot's enabled tools plus search_knowledge as function tools, and a custom knowledge base answered by the bot's
 * knowledge-base-request — the same assistant the server URL's assistant-request returns. An existing assistant's
 * overwritten fields are kept for unlinking; without `assistantId` a new one is created. Re-linking refreshes it.
 */
export async function linkVapiAssistant(ctx: ServiceContext, botId: string, rawInput: LinkVapiAssistantInput): Promise<VapiLinkView> {
  const input = parseInput(linkVapiAssistantInput, rawInput);
  const bot = await loadBot(ctx, botId);
  const secret = readVoiceSecret(ctx, bot);
  if (!secret) throw new AppError("conflict", "Set the bot's voice secret first (PATCH /bots/{id} {\"voice\":{\"serverSecret\":…}}): Vapi must send it");
  const assistants = await assistantsFor(ctx, input.integrationId);
  const { assistant } = await buildAssistant(ctx, bot, secret);
  const desired = assistant!;
  const targetId = input.assistantId ?? (bot.vapiIntegrationId === input.integrationId ? bot.vapiAssistantId : null);
  let assistantId: string;
  let restore: Prisma.InputJsonValue | typeof Prisma.DbNull;
  if (targetId) {
    const current = await assistants.get(targetId);
    const relink = bot.vapiAssistantId === targetId;
    // Relinking the same assistant keeps what it had before the first link (or that Frontdesk created it).
    restore = relink
      ? ((bot.vapiRestore ?? Prisma.DbNull) as Prisma.InputJsonValue | typeof Prisma.DbNull)
      : (Object.fromEntries(RESTORED_FIELDS.map((field) => [field, current[field] ?? null])) as Prisma.InputJsonValue);
    const { metadata: _metadata, ...changes } = desired;
    assistantId = (await assistants.update(targetId, changes as Omit<Vapi.UpdateAssistantDto, "id">)).id;
  } else {
    assistantId = (await assistants.create(desired)).id;
    restore = Prisma.DbNull;
  }
  const updated = await ctx.prisma.bot.update({
    where: { id: bot.id },
    data: { vapiIntegrationId: input.integrationId, vapiAssistantId: assistantId, vapiRestore: restore },
  });
  return view(ctx, updated);
}

/** Undoes linking: an assistant Frontdesk created is deleted, an existing one gets its previous fields back. */
export async function unlinkVapiAssistant(ctx: ServiceContext, botId: string): Promise<VapiLinkView> {
  const bot = await loadBot(ctx, botId);
  if (bot.vapiIntegrationId && bot.vapiAssistantId) {
    const assistants = await assistantsFor(ctx, bot.vapiIntegrationId);
    if (bot.vapiRestore === null) await assistants.remove(bot.vapiAssistantId);
    else {
      const restore = Object.fromEntries(Object.entries(bot.vapiRestore as Record<string, unknown>).filter(([, value]) => value !== null));
      await assistants.update(bot.vapiAssistantId, restore as Omit<Vapi.UpdateAssistantDto, "id">);
    }
  }
  const updated = await ctx.prisma.bot.update({ where: { id: bot.id }, data: { vapiIntegrationId: null, vapiAssistantId: null, vapiRestore: Prisma.DbNull } });
  return view(ctx, updated);
}

/** The bot's current link (not linked: nulls). */
export async function getVapiLink(ctx: ServiceContext, botId: string): Promise<VapiLinkView> {
  return view(ctx, await loadBot(ctx, botId));
}
