import type { Document, VapiFile } from "@frontdesk/db";
import type { Vapi } from "@vapi-ai/server-sdk";
import { z } from "zod";
import type { AppDeps, ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { vapiApiFor, isVapiNotFound } from "./vapi-api";
import { vapiFileContent } from "./vapi-file-content";
import { getVapiFiles, loadVoiceBot, syncableDocuments, vapiFilesView, type VapiFilesView } from "./vapi-files-view";
import type { VoiceBot } from "./voice-bot";

type VapiApi = Awaited<ReturnType<typeof vapiApiFor>>;

export const startVapiFileSyncInput = z
  .object({
    /** The `vapi` integration whose account holds the files; defaults to the one the bot is linked with. */
    integrationId: z.string().min(1).optional(),
  })
  .strict();
export type StartVapiFileSyncInput = z.input<typeof startVapiFileSyncInput>;

const message = (error: unknown) => (error instanceof Error ? error.message : String(error)).slice(0, 500);

/** Vapi's knowledge base over the files: the query tool gives it to the model, the description says when to use it. */
function knowledgeBaseOf(bot: VoiceBot, fileIds: string[]): Vapi.KnowledgeBase {
  return {
    provider: "google",
    name: `frontdesk-${bot.publicKey}`.slice(0, 40),
    description: `${bot.name}'s documents: use it for any question about the business, its services, prices, hours and policies.`,
    fileIds,
  };
}

/** Deletes a file or tool in Vapi; already gone is fine. */
async function removeQuietly(remove: (id: string) => Promise<void>, id: string): Promise<void> {
  await remove(id).catch((error: unknown) => {
    if (!isVapiNotFound(error)) throw error;
  });
}

/** Uploads one document (new, changed or failed before); the file it replaces is returned to delete afterwards. */
async function uploadDocument(ctx: ServiceContext, api: VapiApi, bot: VoiceBot, doc: Document, row: VapiFile | undefined): Promise<string | null> {
  const keys = { botId_documentId: { botId: bot.id, documentId: doc.id } };
  const integrationId = bot.vapiFilesIntegrationId!;
  try {
    const content = await vapiFileContent(ctx, doc);
    const file = await api.files.upload(content);
    const fields = { integrationId, vapiFileId: file.id, contentHash: doc.contentHash, fileName: content.fileName, bytes: content.bytes.byteLength, status: "synced", vapiStatus: file.status ?? null, error: null, syncedAt: new Date() };
    await ctx.prisma.vapiFile.upsert({ where: keys, create: { organizationId: ctx.organizationId, botId: bot.id, documentId: doc.id, ...fields }, update: fields });
    return row?.vapiFileId && row.vapiFileId !== file.id ? row.vapiFileId : null;
  } catch (error) {
    if (!(error instanceof AppError)) ctx.logger.warn({ err: error, documentId: doc.id }, "could not upload a document to Vapi");
    // A replacement that failed leaves the previous file in place (still answering) and is retried next time.
    const failed = { status: "failed", error: message(error) };
    await ctx.prisma.vapiFile.upsert({
      where: keys,
      create: { organizationId: ctx.organizationId, botId: bot.id, documentId: doc.id, integrationId, contentHash: doc.contentHash, fileName: doc.title.slice(0, 120), ...failed },
      update: failed,
    });
    return null;
  }
}

/** Points the query tool at the files (created on first use, deleted when no file is left); returns its id. */
async function syncQueryTool(api: VapiApi, bot: VoiceBot, fileIds: string[]): Promise<string | null> {
  if (fileIds.length === 0) {
    if (bot.vapiQueryToolId) await removeQuietly(api.files.removeTool, bot.vapiQueryToolId);
    return null;
  }
  const knowledgeBase = knowledgeBaseOf(bot, fileIds);
  if (bot.vapiQueryToolId) {
    try {
      await api.files.updateQueryTool(bot.vapiQueryToolId, knowledgeBase);
      return bot.vapiQueryToolId;
    } catch (error) {
      // Deleted in Vapi's dashboard: make a new one.
      if (!isVapiNotFound(error)) throw error;
    }
  }
  return (await api.files.createQueryTool(knowledgeBase)).id;
}

/** The linked assistant (same Vapi account) gets the current query tool in model.toolIds, and loses the old one. */
async function attachToAssistant(api: VapiApi, bot: VoiceBot, previous: string | null, current: string | null): Promise<void> {
  if (previous === current || !bot.vapiAssistantId || bot.vapiIntegrationId !== bot.vapiFilesIntegrationId) return;
  const assistant = await api.assistants.get(bot.vapiAssistantId);
  if (!assistant.model) return;
  const model = assistant.model as Vapi.CreateAssistantDtoModel & { toolIds?: string[] };
  const toolIds = [...(model.toolIds ?? []).filter((id) => id !== previous && id !== current), ...(current ? [current] : [])];
  // Vapi replaces the whole model on PATCH, so the rest of it goes along unchanged.
  await api.assistants.update(bot.vapiAssistantId, { model: { ...model, toolIds } as Vapi.UpdateAssistantDtoModel });
}

/**
 * Brings the bot's Vapi file store in line with its knowledge: documents not uploaded yet are uploaded, changed ones
 * replaced (new file, then the old one deleted), those gone deleted; Vapi's processing status of fresh uploads is
 * refreshed; the query tool lists exactly the uploaded files and the linked assistant uses it. Failures are kept per
 * file (status failed, error) and retried by the next sync. Runs in the worker (voice/vapi-files.sync-requested).
 */
export async function syncVapiFiles(ctx: ServiceContext, botId: string): Promise<VapiFilesView> {
  const bot = await loadVoiceBot(ctx, botId);
  if (!bot.vapiFilesIntegrationId) return getVapiFiles(ctx, botId);
  const api = await vapiApiFor(ctx, bot.vapiFilesIntegrationId);
  const { documents, settled } = await syncableDocuments(ctx, bot);
  const rowOf = new Map((await ctx.prisma.vapiFile.findMany({ where: { botId: bot.id } })).map((row) => [row.documentId, row]));
  const replaced: string[] = [];

  for (const doc of settled) {
    const row = rowOf.get(doc.id);
    if (row?.status === "synced" && row.contentHash === doc.contentHash) {
      if (row.vapiFileId && row.vapiStatus === "processing") {
        const file = await api.files.getFile(row.vapiFileId).catch(() => null);
        if (file?.status && file.status !== row.vapiStatus) await ctx.prisma.vapiFile.update({ where: { id: row.id }, data: { vapiStatus: file.status } });
      }
      continue;
    }
    const old = await uploadDocument(ctx, api, bot, doc, row);
    if (old) replaced.push(old);
  }

  const present = new Set(documents.map((doc) => doc.id));
  for (const row of rowOf.values()) {
    if (present.has(row.documentId)) continue;
    try {
      if (row.vapiFileId) await removeQuietly(api.files.removeFile, row.vapiFileId);
      await ctx.prisma.vapiFile.delete({ where: { id: row.id } });
    } catch (error) {
      await ctx.prisma.vapiFile.update({ where: { id: row.id }, data: { status: "failed", error: `could not delete from Vapi: ${message(error)}` } });
    }
  }

  const rows = await ctx.prisma.vapiFile.findMany({ where: { botId: bot.id, documentId: { in: [...present] }, vapiFileId: { not: null } }, orderBy: { createdAt: "asc" } });
  const toolId = await syncQueryTool(api, bot, rows.map((row) => row.vapiFileId!));
  await attachToAssistant(api, bot, bot.vapiQueryToolId, toolId);
  const updated = await ctx.prisma.bot.update({ where: { id: bot.id }, data: { vapiQueryToolId: toolId } });
  // Deleted only now, so the tool never pointed at a missing file.
  for (const fileId of replaced) await removeQuietly(api.files.removeFile, fileId).catch((error: unknown) => ctx.logger.warn({ err: error, fileId }, "could not delete a replaced Vapi file"));
  return vapiFilesView(updated, documents, await ctx.prisma.vapiFile.findMany({ where: { botId: bot.id } }));
}

/** Queues a sync of every bot of the organization that keeps its files in Vapi (after documents changed). */
export async function requestVapiFileSync(deps: Pick<AppDeps, "prisma"> & { events?: AppDeps["events"] }, organizationId: string): Promise<void> {
  if (!deps.events) return;
  const bots = await deps.prisma.bot.findMany({ where: { organizationId, vapiFilesIntegrationId: { not: null } }, select: { id: true } });
  if (bots.length === 0) return;
  await deps.events.send(bots.map((bot) => ({ name: "voice/vapi-files.sync-requested" as const, data: { organizationId, botId: bot.id } })));
}

/** Removes everything the sync put in Vapi (files, query tool, the assistant's use of it); best effort per item. */
async function clearVapiFiles(ctx: ServiceContext, bot: VoiceBot): Promise<void> {
  const rows = await ctx.prisma.vapiFile.findMany({ where: { botId: bot.id } });
  const integrationIds = new Set([...rows.map((row) => row.integrationId), ...(bot.vapiFilesIntegrationId ? [bot.vapiFilesIntegrationId] : [])]);
  for (const integrationId of integrationIds) {
    const api = await vapiApiFor(ctx, integrationId).catch(() => null);
    if (!api) continue; // The integration is gone: so is our access to those files.
    const bestEffort = (work: Promise<void>, what: string) => work.catch((error: unknown) => ctx.logger.warn({ err: error, botId: bot.id }, `could not ${what} in Vapi`));
    if (integrationId === bot.vapiFilesIntegrationId && bot.vapiQueryToolId) {
      await bestEffort(attachToAssistant(api, bot, bot.vapiQueryToolId, null), "detach the query tool");
      await bestEffort(removeQuietly(api.files.removeTool, bot.vapiQueryToolId), "delete the query tool");
    }
    for (const row of rows.filter((entry) => entry.integrationId === integrationId && entry.vapiFileId)) {
      await bestEffort(removeQuietly(api.files.removeFile, row.vapiFileId!), "delete a file");
    }
  }
  await ctx.prisma.vapiFile.deleteMany({ where: { botId: bot.id } });
}

/** Turns "sync to Vapi" on (or moves it to another Vapi account) and queues the first sync. */
export async function startVapiFileSync(ctx: ServiceContext, botId: string, rawInput: StartVapiFileSyncInput): Promise<VapiFilesView> {
  const input = parseInput(startVapiFileSyncInput, rawInput);
  const bot = await loadVoiceBot(ctx, botId);
  const integrationId = input.integrationId ?? bot.vapiIntegrationId;
  if (!integrationId) {
    throw new AppError("conflict", "Link the bot to a Vapi assistant first, or name the Vapi integration", { fields: [{ field: "integrationId", message: "required when the bot is not linked" }] });
  }
  await vapiApiFor(ctx, integrationId); // 404 / 422 for an unknown or non-Vapi integration, before anything changes
  if (bot.vapiFilesIntegrationId && bot.vapiFilesIntegrationId !== integrationId) {
    await clearVapiFiles(ctx, bot);
    await ctx.prisma.bot.update({ where: { id: bot.id }, data: { vapiQueryToolId: null } });
  }
  await ctx.prisma.bot.update({ where: { id: bot.id }, data: { vapiFilesIntegrationId: integrationId } });
  await ctx.events.send({ name: "voice/vapi-files.sync-requested", data: { organizationId: ctx.organizationId, botId: bot.id } });
  return getVapiFiles(ctx, bot.id);
}

/** Turns "sync to Vapi" off: the files and the query tool are deleted from Vapi, and the assistant stops using it. */
export async function stopVapiFileSync(ctx: ServiceContext, botId: string): Promise<VapiFilesView> {
  const bot = await loadVoiceBot(ctx, botId);
  await clearVapiFiles(ctx, bot);
  await ctx.prisma.bot.update({ where: { id: bot.id }, data: { vapiFilesIntegrationId: null, vapiQueryToolId: null } });
  return getVapiFiles(ctx, bot.id);
}
