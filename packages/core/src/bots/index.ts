export * from "./schemas";
export { createBot } from "./create-bot";
export { listBots } from "./list-bots";
export { getBot, getBotOrThrow } from "./get-bot";
export { updateBot } from "./update-bot";
export { deleteBot } from "./delete-bot";
export { linkKnowledgeBase } from "./link-knowledge-base";
export { unlinkKnowledgeBase } from "./unlink-knowledge-base";
export { readAnswerSettings, toBotView } from "./views";
