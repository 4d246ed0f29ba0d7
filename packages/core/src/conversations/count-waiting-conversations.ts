import type { ServiceContext } from "../context";
import { waitingForPerson } from "./list-conversations";
import type { WaitingCount } from "./schemas";

/** How many conversations wait for a person (asked for one, nobody took it over): the navigation's badge. */
export async function countWaitingConversations(ctx: ServiceContext): Promise<WaitingCount> {
  const waiting = await ctx.prisma.conversation.count({ where: { organizationId: ctx.organizationId, preview: false, ...waitingForPerson } });
  return { waiting };
}
