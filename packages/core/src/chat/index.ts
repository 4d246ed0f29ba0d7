export * from "./schemas";
export { streamChat, continueTurn, withKnowledgeBaseIds, type TurnBot } from "./stream-chat";
export { answerStoredMessage, type StoredMessageReply } from "./answer-stored-message";
export { chat } from "./chat";
export { resolveAnswerSettings, type ResolvedAnswerSettings } from "./answer-settings";
