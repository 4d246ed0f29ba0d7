import type { ServiceContext } from "../context";
import type { AnsweredTurn } from "./learn-from-turn";

/**
 * Queues the learning loop's look at an answered turn (`learning/turn.answered`, run by the worker's learn-from-turn
 * function, one run per conversation at a time and in order): recording it takes several queries that the visitor's
 * reply does not wait for. Never throws: learning must not cost the visitor an answer.
 */
export async function requestTurnLearning(ctx: ServiceContext, turn: AnsweredTurn): Promise<void> {
  try {
    await ctx.events.send({
      name: "learning/turn.answered",
      id: `learn-${turn.answerMessageId}`,
      data: {
        organizationId: ctx.organizationId,
        ...turn,
        knowledgeBaseIds: [...turn.knowledgeBaseIds],
        cited: turn.cited.map(({ documentId, content }) => ({ documentId, content })),
        appliedExpansionIds: [...turn.appliedExpansionIds],
      },
    });
  } catch (error) {
    ctx.logger.warn({ err: error, conversationId: turn.conversationId }, "could not queue learning from a turn");
  }
}
