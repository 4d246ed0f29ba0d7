import type { Bot } from "@frontdesk/db";
import type { AppDeps } from "../context";

/** A bot as the voice transports need it: its row and the knowledge bases it answers from. */
export type VoiceBot = Bot & { knowledgeBases: { knowledgeBaseId: string }[] };

export const withKnowledgeBaseLinks = { knowledgeBases: { select: { knowledgeBaseId: true } } } as const;

/** The bot's server URL for Vapi: messages, tool calls and knowledge-base requests all come back here. */
export function vapiServerUrl(deps: Pick<AppDeps, "config">, bot: Pick<Bot, "publicKey">): string {
  return `${deps.config.publicUrl}/api/webhooks/vapi/${bot.publicKey}`;
}
