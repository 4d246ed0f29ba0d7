import type { ServiceContext } from "../../context";

/**
 * Queues a re-scoring of the conversation's lead (`leads/qualify.requested`, run by the worker's qualify-lead
 * function) after a visitor message or new contact details. Never throws: scoring must not fail the chat turn.
 */
export async function requestLeadQualification(ctx: ServiceContext, input: { conversationId: string; cause: string }): Promise<void> {
  try {
    await ctx.events.send({
      name: "leads/qualify.requested",
      id: `qualify-${input.cause}`,
      data: { organizationId: ctx.organizationId, conversationId: input.conversationId },
    });
  } catch (error) {
    ctx.logger.warn({ err: error, conversationId: input.conversationId }, "could not queue lead qualification");
  }
}
