export * from "./schemas";
export { streamChat } from "./stream-chat";
export { chat } from "./chat";
export { resolveAnswerSettings, type ResolvedAnswerSettings } from "./answer-settings";
