import type { AppDeps } from "../context";
import { notFound } from "../errors";
import { generatePublicKey } from "./generate-public-key";

export interface ProvisionedOrganization {
  organizationId: string;
  knowledgeBaseId: string;
  botId: string;
  botPublicKey: string;
}

export const DEFAULT_KNOWLEDGE_BASE_NAME = "Default knowledge base";
export const DEFAULT_BOT_GREETING = "Hi! How can I help you today?";

/**
 * Gives a new organization a working setup: one knowledge base (using the configured embedding model) and one
 * bot answering from it. Idempotent: an organization that already has a knowledge base or bot keeps it, and
 * concurrent calls are serialized by a per-organization advisory lock.
 */
export async function provisionOrganization(deps: AppDeps, organizationId: string): Promise<ProvisionedOrganization> {
  return deps.prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtext(${`provision:${organizationId}`}))::text AS locked`;
    const organization = await tx.organization.findUnique({ where: { id: organizationId }, select: { name: true } });
    if (!organization) throw notFound("Organization");

    const knowledgeBase =
      (await tx.knowledgeBase.findFirst({ where: { organizationId }, orderBy: { createdAt: "asc" } })) ??
      (await tx.knowledgeBase.create({
        data: {
          organizationId,
          name: DEFAULT_KNOWLEDGE_BASE_NAME,
          embeddingModel: deps.rag.embeddings.model,
          embeddingDimensions: deps.rag.embeddings.dimensions,
        },
      }));

    const existingBot = await tx.bot.findFirst({ where: { organizationId }, orderBy: { createdAt: "asc" } });
    const bot =
      existingBot ??
      (await tx.bot.create({
        data: {
          organizationId,
          name: `${organization.name} assistant`,
          greeting: DEFAULT_BOT_GREETING,
          publicKey: generatePublicKey(),
          allowedOrigins: [],
          knowledgeBases: { create: { knowledgeBaseId: knowledgeBase.id, organizationId } },
        },
      }));

    if (!existingBot) deps.logger.info({ organizationId, botId: bot.id }, "provisioned organization");
    return { organizationId, knowledgeBaseId: knowledgeBase.id, botId: bot.id, botPublicKey: bot.publicKey };
  });
}
