import type { OrganizationModelSetting } from "@frontdesk/db";
import { publicOnlyFetch } from "@frontdesk/integrations";
import { buildChatModel, describeChatModel, type ChatModelSettings, type ChatProvider, type RagRuntime } from "@frontdesk/rag";
import type { AppDeps, ServiceContext } from "../context";
import type { AnswerMode } from "./schemas";

type BaseChatModel = NonNullable<RagRuntime["chatModel"]>;
import { findModelSetting, storedApiKey, storedProvider } from "./stored-setting";

export interface ActiveChatModel {
  /** null → extractive answers. */
  chatModel: BaseChatModel | null;
  answerMode: AnswerMode;
  source: "organization" | "server";
}

interface CacheEntry {
  version: number;
  chatModel: BaseChatModel | null;
}

// Per deployment (keyed by its Prisma client), per organization: the model built from the row version it saw.
const caches = new WeakMap<object, Map<string, CacheEntry>>();

function cacheOf(deps: Pick<AppDeps, "prisma">): Map<string, CacheEntry> {
  let cache = caches.get(deps.prisma);
  if (!cache) caches.set(deps.prisma, (cache = new Map()));
  return cache;
}

/**
 * The chat model answering for this organization: its own setting when it has one, else the server default
 * (ctx.rag.chatModel). One primary-key read per turn; the built model is reused until the row's updatedAt
 * changes, so a change made on any replica takes effect on the next message, without a restart.
 */
export async function resolveChatModel(ctx: ServiceContext): Promise<ActiveChatModel> {
  const row = await findModelSetting(ctx);
  if (!row) return { chatModel: ctx.rag.chatModel, answerMode: ctx.rag.chatModel ? "model" : "extractive", source: "server" };
  const cache = cacheOf(ctx);
  const version = row.updatedAt.getTime();
  let entry = cache.get(ctx.organizationId);
  if (!entry || entry.version !== version) {
    entry = { version, chatModel: buildOrganizationModel(ctx, row) };
    cache.set(ctx.organizationId, entry);
  }
  return { chatModel: entry.chatModel, answerMode: entry.chatModel ? "model" : "extractive", source: "organization" };
}

/** Drops this organization's built model (called on every change; other replicas notice the new updatedAt). */
export function forgetChatModel(ctx: ServiceContext): void {
  cacheOf(ctx).delete(ctx.organizationId);
}

function buildOrganizationModel(ctx: ServiceContext, row: OrganizationModelSetting): BaseChatModel | null {
  const provider = storedProvider(row);
  if (provider === "none") return null;
  return buildChatModel(organizationModelSettings(ctx, { provider, model: row.model, baseUrl: row.baseUrl, apiKey: storedApiKey(ctx, row) ?? null }));
}

/** LangChain settings for an organization's model; calls to its own base URL go through the SSRF-guarded fetch. */
export function organizationModelSettings(
  ctx: Pick<ServiceContext, "config">,
  setting: { provider: ChatProvider; model: string | null; baseUrl: string | null; apiKey: string | null },
): ChatModelSettings {
  const guarded = setting.baseUrl && !ctx.config.ALLOW_PRIVATE_NETWORK_FETCH;
  return {
    provider: setting.provider,
    model: setting.model ?? undefined,
    apiKey: setting.apiKey ?? undefined,
    baseUrl: setting.baseUrl ?? undefined,
    ...(guarded ? { fetch: publicOnlyFetch("llm") as unknown as typeof fetch } : {}),
  };
}

/** Provider and model of a chat model, null for extractive. */
export function describeActive(chatModel: BaseChatModel | null): { provider: string | null; model: string | null } {
  return chatModel ? describeChatModel(chatModel) : { provider: null, model: null };
}
