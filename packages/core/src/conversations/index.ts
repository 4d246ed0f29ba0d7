export * from "./schemas";
export { listConversations } from "./list-conversations";
export { getConversation } from "./get-conversation";
export { readCitations, toConversationView, toMessageView } from "./views";
export { visitorMessageSchema, toVisitorMessage, isVisibleToVisitor, type VisitorMessage } from "./visitor-message";
export { countWaitingConversations } from "./count-waiting-conversations";
export * from "./search";
