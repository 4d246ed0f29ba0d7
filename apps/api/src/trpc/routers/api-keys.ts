import { createApiKey, createApiKeyInput, listApiKeys, revokeApiKey, revokeApiKeyInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { orgProcedure } from "../trpc";

export const apiKeysRouter = {
  list: orgProcedure.query(({ ctx }) => listApiKeys(ctx.core)),
  /** The returned `key` is shown once; only its hash is stored. */
  create: orgProcedure.input(createApiKeyInput).mutation(({ ctx, input }) => createApiKey(ctx.core, input)),
  revoke: orgProcedure.input(revokeApiKeyInput).mutation(({ ctx, input }) => revokeApiKey(ctx.core, input)),
} satisfies TRPCRouterRecord;
