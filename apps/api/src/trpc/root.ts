import { answerModelRouter } from "./routers/answer-model";
import { apiKeysRouter } from "./routers/api-keys";
import { botsRouter } from "./routers/bots";
import { chatRouter } from "./routers/chat";
import { conversationsRouter } from "./routers/conversations";
import { knowledgeRouter } from "./routers/knowledge";
import { knowledgeGapsRouter } from "./routers/knowledge-gaps";
import { suggestionsRouter } from "./routers/suggestions";
import { analyticsRouter } from "./routers/analytics";
import { leadsRouter } from "./routers/leads";
import { membersRouter } from "./routers/members";
import { organizationRouter } from "./routers/organization";
import { searchRouter } from "./routers/search";
import { integrationsRouter } from "./routers/integrations";
import { actionsRouter } from "./routers/actions";
import { webhooksRouter } from "./routers/webhooks";
import { toolCallsRouter, toolsRouter } from "./routers/tools";
import { callsRouter } from "./routers/calls";
import { createTRPCRouter } from "./trpc";

export const appRouter = createTRPCRouter({
  organization: organizationRouter,
  members: membersRouter,
  answerModel: answerModelRouter,
  apiKeys: apiKeysRouter,
  bots: botsRouter,
  knowledge: knowledgeRouter,
  knowledgeGaps: knowledgeGapsRouter,
  suggestions: suggestionsRouter,
  analytics: analyticsRouter,
  search: searchRouter,
  chat: chatRouter,
  conversations: conversationsRouter,
  leads: leadsRouter,
  integrations: integrationsRouter,
  actions: actionsRouter,
  webhooks: webhooksRouter,
  tools: toolsRouter,
  toolCalls: toolCallsRouter,
  calls: callsRouter,
});

export type AppRouter = typeof appRouter;
