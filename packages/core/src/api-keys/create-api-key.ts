import type { MemberRole } from "@frontdesk/db";
import { requireRole } from "../authorization/roles";
import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { apiKeyDisplayPrefix, generateApiKeySecret, hashApiKey } from "./api-key-secret";
import { createApiKeyInput, type CreateApiKeyInput } from "./schemas";

export interface CreatedApiKey {
  id: string;
  name: string;
  prefix: string;
  role: MemberRole;
  /** The secret itself; returned only here, never stored. */
  key: string;
}

export async function createApiKey(ctx: ServiceContext, rawInput: CreateApiKeyInput): Promise<CreatedApiKey> {
  const input = parseInput(createApiKeyInput, rawInput);
  // Managing keys is admin work; and no one can mint a key that may do more than they may.
  requireRole(ctx, "admin", "manage API keys");
  requireRole(ctx, input.role, `create ${input.role} API keys`);
  const key = generateApiKeySecret();
  const row = await ctx.prisma.apiKey.create({
    data: {
      organizationId: ctx.organizationId,
      name: input.name,
      prefix: apiKeyDisplayPrefix(key),
      hash: hashApiKey(key),
      role: input.role,
      createdById: ctx.actor.type === "user" ? ctx.actor.userId : null,
    },
    select: { id: true, name: true, prefix: true, role: true },
  });
  return { ...row, key };
}
