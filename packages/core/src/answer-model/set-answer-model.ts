import { Prisma } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { maskSecret, seal } from "../secrets";
import { proposeSetting } from "./proposed-settings";
import { forgetChatModel } from "./resolve-chat-model";
import type { AnswerModelView, SetAnswerModelInput } from "./schemas";
import { findModelSetting } from "./stored-setting";
import { toAnswerModelView } from "./views";

/**
 * Replaces the organization's model setting ("default" removes it). The API key is sealed with the integration
 * keyring (the organization id as associated data); only a masked hint is kept in clear. Takes effect on the next
 * message on every replica (see resolveChatModel).
 */
export async function setAnswerModel(ctx: ServiceContext, input: SetAnswerModelInput): Promise<AnswerModelView> {
  const stored = await findModelSetting(ctx);
  const next = await proposeSetting(ctx, input, stored);
  const organizationId = ctx.organizationId;
  if (next.provider === "default") {
    await ctx.prisma.organizationModelSetting.deleteMany({ where: { organizationId } });
  } else {
    const apiKey = next.provider === "none" ? null : next.apiKey;
    const data = {
      provider: next.provider,
      model: next.provider === "none" ? null : next.model,
      baseUrl: next.provider === "none" ? null : next.baseUrl,
      // Prisma writes SQL NULL into a Json column only as DbNull.
      ...(apiKey ? { ...sealed(ctx, apiKey), keyHint: maskSecret(apiKey) } : { encryptedKey: Prisma.DbNull, keyId: null, keyHint: null }),
      // Set explicitly: resolveChatModel rebuilds the model when this changes, even if nothing else did.
      updatedAt: new Date(),
    };
    await ctx.prisma.organizationModelSetting.upsert({ where: { organizationId }, create: { organizationId, ...data }, update: data });
  }
  forgetChatModel(ctx);
  return toAnswerModelView(ctx, await findModelSetting(ctx));
}

function sealed(ctx: ServiceContext, apiKey: string) {
  const { envelope, keyId } = seal(ctx.keyring, apiKey, ctx.organizationId);
  return { encryptedKey: envelope, keyId };
}
