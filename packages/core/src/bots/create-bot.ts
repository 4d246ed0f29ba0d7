import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { generatePublicKey } from "../organizations/generate-public-key";
import { parseInput } from "../parse-input";
import { createBotInput, type BotView, type CreateBotInput } from "./schemas";
import { toBotView, withKnowledgeBaseIds } from "./views";

export async function createBot(ctx: ServiceContext, input: CreateBotInput): Promise<BotView> {
  const data = parseInput(createBotInput, input);
  const knowledgeBaseIds = [...new Set(data.knowledgeBaseIds ?? [])];
  if (knowledgeBaseIds.length > 0) {
    const found = await ctx.prisma.knowledgeBase.findMany({
      where: { id: { in: knowledgeBaseIds }, organizationId: ctx.organizationId },
      select: { id: true },
    });
    const missing = knowledgeBaseIds.filter((id) => !found.some((kb) => kb.id === id));
    if (missing.length > 0) {
      throw new AppError("validation_failed", `Knowledge base not found: ${missing.join(", ")}`, {
        fields: missing.map((id) => ({ field: `knowledgeBaseIds.${knowledgeBaseIds.indexOf(id)}`, message: "knowledge base not found" })),
      });
    }
  }
  const bot = await ctx.prisma.bot.create({
    data: {
      organizationId: ctx.organizationId,
      name: data.name,
      ...(data.systemPrompt !== undefined ? { systemPrompt: data.systemPrompt } : {}),
      ...(data.greeting !== undefined ? { greeting: data.greeting } : {}),
      answerSettings: data.answerSettings ?? {},
      appearance: data.appearance ?? {},
      leadCapture: data.leadCapture ?? {},
      allowedOrigins: [...new Set(data.allowedOrigins ?? [])],
      publicKey: generatePublicKey(),
      knowledgeBases: {
        create: knowledgeBaseIds.map((knowledgeBaseId) => ({ knowledgeBaseId, organizationId: ctx.organizationId })),
      },
    },
    include: withKnowledgeBaseIds,
  });
  return toBotView(bot);
}
