import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { voiceSecretColumns } from "../voice/voice-secret";
import { getBotOrThrow } from "./get-bot";
import { updateBotInput, type BotView, type UpdateBotInput } from "./schemas";
import { toBotView, withKnowledgeBaseIds } from "./views";

/** answerSettings, appearance, leadCapture, leadAlerts, followUps and booking each replace the stored object as a whole, so a key can be reset by leaving it out. */
export async function updateBot(ctx: ServiceContext, id: string, input: UpdateBotInput): Promise<BotView> {
  const data = parseInput(updateBotInput, input);
  const bot = await getBotOrThrow(ctx, id);
  const updated = await ctx.prisma.bot.update({
    where: { id: bot.id },
    data: {
      ...(data.name !== undefined ? { name: data.name } : {}),
      ...(data.systemPrompt !== undefined ? { systemPrompt: data.systemPrompt } : {}),
      ...(data.greeting !== undefined ? { greeting: data.greeting } : {}),
      ...(data.answerSettings !== undefined ? { answerSettings: data.answerSettings } : {}),
      ...(data.appearance !== undefined ? { appearance: data.appearance } : {}),
      ...(data.leadCapture !== undefined ? { leadCapture: data.leadCapture } : {}),
      ...(data.allowedOrigins !== undefined ? { allowedOrigins: [...new Set(data.allowedOrigins)] } : {}),
      ...(data.voice !== undefined ? voiceSecretColumns(ctx, bot.id, data.voice.serverSecret) : {}),
      ...(data.leadAlerts !== undefined ? { leadAlerts: data.leadAlerts } : {}),
      ...(data.followUps !== undefined ? { followUps: data.followUps } : {}),
      ...(data.booking !== undefined ? { booking: data.booking } : {}),
    },
    include: withKnowledgeBaseIds,
  });
  return toBotView(updated);
}
