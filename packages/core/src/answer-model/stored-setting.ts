import type { OrganizationModelSetting } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { unseal } from "../secrets";
import { answerModelProviderSchema, type AnswerModelProvider } from "./schemas";

/** The organization's row, or null (server default). */
export function findModelSetting(ctx: ServiceContext): Promise<OrganizationModelSetting | null> {
  return ctx.prisma.organizationModelSetting.findUnique({ where: { organizationId: ctx.organizationId } });
}

export function storedProvider(row: OrganizationModelSetting): AnswerModelProvider {
  // Written only through setAnswerModel; anything else is treated as "no model" rather than trusted.
  const parsed = answerModelProviderSchema.safeParse(row.provider);
  return parsed.success ? parsed.data : "none";
}

/** The stored API key in clear (the organization id is the ciphertext's associated data). */
export function storedApiKey(ctx: ServiceContext, row: OrganizationModelSetting): string | undefined {
  if (row.encryptedKey === null) return undefined;
  const value = unseal(ctx.keyring, row.encryptedKey, row.organizationId);
  return typeof value === "string" ? value : undefined;
}
