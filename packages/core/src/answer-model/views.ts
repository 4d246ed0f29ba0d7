import type { OrganizationModelSetting } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { describeActive, resolveChatModel } from "./resolve-chat-model";
import type { AnswerModelView } from "./schemas";
import { storedProvider } from "./stored-setting";

/** The setting as callers see it: the active mode and whose it is, never the key (only hasKey and a masked hint). */
export async function toAnswerModelView(ctx: ServiceContext, row: OrganizationModelSetting | null): Promise<AnswerModelView> {
  const active = await resolveChatModel(ctx);
  const { provider, model } = describeActive(active.chatModel);
  const server = describeActive(ctx.rag.chatModel);
  return {
    answerMode: active.answerMode,
    source: active.source,
    provider,
    model,
    description: describeMode(active.answerMode, provider, model, active.source),
    organization: row
      ? {
          provider: storedProvider(row),
          model: row.model,
          baseUrl: row.baseUrl,
          hasKey: row.encryptedKey !== null,
          keyHint: row.keyHint,
          updatedAt: row.updatedAt.toISOString(),
        }
      : null,
    serverDefault: { answerMode: ctx.rag.chatModel ? "model" : "extractive", ...server },
  };
}

function describeMode(mode: "model" | "extractive", provider: string | null, model: string | null, source: "organization" | "server"): string {
  const whose = source === "server" ? "server default" : "this organization's setting";
  if (mode === "extractive") {
    return source === "server"
      ? "Extractive answers — no language model configured (server default)"
      : "Extractive answers — language model turned off for this organization";
  }
  return `Answers by ${provider}${model ? `/${model}` : ""} (${whose})`;
}
