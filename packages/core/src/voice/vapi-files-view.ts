import type { Bot, Document, VapiFile } from "@frontdesk/db";
import { z } from "zod";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { withKnowledgeBaseLinks, type VoiceBot } from "./voice-bot";

export const vapiFileStatus = z.enum(["pending", "synced", "failed", "deleting"]);

export const vapiFileViewSchema = z.object({
  documentId: z.string(),
  /** The document's title; null once the document is deleted (its Vapi file is being removed). */
  title: z.string().nullable(),
  fileName: z.string().nullable(),
  vapiFileId: z.string().nullable(),
  /** pending: not uploaded yet, or changed since (replaced at the next sync); deleting: its document is gone. */
  status: vapiFileStatus,
  /** Vapi's own processing status of the uploaded file (processing, done, failed). */
  vapiStatus: z.string().nullable(),
  error: z.string().nullable(),
  bytes: z.number().int(),
  syncedAt: z.string().nullable(),
});

export const vapiFilesViewSchema = z.object({
  botId: z.string(),
  /** true while the bot's files are kept in Vapi's file store. */
  enabled: z.boolean(),
  integrationId: z.string().nullable(),
  /** Vapi's query tool whose knowledge base lists the files (attached to the linked assistant and assistant-requests). */
  queryToolId: z.string().nullable(),
  data: z.array(vapiFileViewSchema),
});
export type VapiFilesView = z.infer<typeof vapiFilesViewSchema>;

export async function loadVoiceBot(ctx: ServiceContext, botId: string): Promise<VoiceBot> {
  const bot = await ctx.prisma.bot.findFirst({ where: { id: botId, organizationId: ctx.organizationId }, include: withKnowledgeBaseLinks });
  if (!bot) throw new AppError("not_found", "Bot not found");
  return bot;
}

/** The documents the bot answers from (ready, so serving); `settled` ones are not being re-ingested right now. */
export async function syncableDocuments(ctx: ServiceContext, bot: VoiceBot): Promise<{ documents: Document[]; settled: Document[] }> {
  if (!bot.vapiFilesIntegrationId || bot.knowledgeBases.length === 0) return { documents: [], settled: [] };
  const documents = await ctx.prisma.document.findMany({
    where: { organizationId: ctx.organizationId, knowledgeBaseId: { in: bot.knowledgeBases.map((link) => link.knowledgeBaseId) }, status: "ready" },
    orderBy: { createdAt: "asc" },
  });
  return { documents, settled: documents.filter((doc) => doc.stage === null) };
}

function statusOf(row: VapiFile | undefined, doc: Document | undefined): z.infer<typeof vapiFileStatus> {
  if (!doc) return "deleting";
  if (!row) return "pending";
  if (row.status === "failed") return "failed";
  return row.contentHash === doc.contentHash ? "synced" : "pending";
}

/** Each document with its file's state, then the files whose documents are gone (still to delete from Vapi). */
export function vapiFilesView(bot: Pick<Bot, "id" | "vapiFilesIntegrationId" | "vapiQueryToolId">, documents: Document[], rows: VapiFile[]): VapiFilesView {
  const rowOf = new Map(rows.map((row) => [row.documentId, row]));
  const present = new Set(documents.map((doc) => doc.id));
  const entry = (row: VapiFile | undefined, doc: Document | undefined, documentId: string) => ({
    documentId,
    title: doc?.title ?? null,
    fileName: row?.fileName ?? null,
    vapiFileId: row?.vapiFileId ?? null,
    status: statusOf(row, doc),
    vapiStatus: row?.vapiStatus ?? null,
    error: row?.error ?? null,
    bytes: row?.bytes ?? 0,
    syncedAt: row?.syncedAt?.toISOString() ?? null,
  });
  return {
    botId: bot.id,
    enabled: bot.vapiFilesIntegrationId !== null,
    integrationId: bot.vapiFilesIntegrationId,
    queryToolId: bot.vapiQueryToolId,
    data: [...documents.map((doc) => entry(rowOf.get(doc.id), doc, doc.id)), ...rows.filter((row) => !present.has(row.documentId)).map((row) => entry(row, undefined, row.documentId))],
  };
}

/** The bot's "sync to Vapi" state and per-file status. */
export async function getVapiFiles(ctx: ServiceContext, botId: string): Promise<VapiFilesView> {
  const bot = await loadVoiceBot(ctx, botId);
  const [{ documents }, rows] = await Promise.all([syncableDocuments(ctx, bot), ctx.prisma.vapiFile.findMany({ where: { botId: bot.id } })]);
  return vapiFilesView(bot, documents, rows);
}
