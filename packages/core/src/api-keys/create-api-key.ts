import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { apiKeyDisplayPrefix, generateApiKeySecret, hashApiKey } from "./api-key-secret";
import { createApiKeyInput, type CreateApiKeyInput } from "./schemas";

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  /** The secret itself; returned only here, never stored. */
  key: string;
}

export async function createApiKey(ctx: ServiceContext, rawInput: CreateApiKeyInput): Promise<CreatedApiKey> {
  const input = parseInput(createApiKeyInput, rawInput);
  const key = generateApiKeySecret();
  const row = await ctx.prisma.apiKey.create({
    data: {
      organizationId: ctx.organizationId,
      name: input.name,
      prefix: apiKeyDisplayPrefix(key),
      hash: hashApiKey(key),
      createdById: ctx.actor.type === "user" ? ctx.actor.userId : null,
    },
    select: { id: true, name: true, prefix: true },
  });
  return { ...row, key };
}
