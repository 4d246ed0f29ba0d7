export * from "./schemas";
export { getAnswerModel } from "./get-answer-model";
export { setAnswerModel } from "./set-answer-model";
export { testAnswerModel } from "./test-answer-model";
export { resolveChatModel, type ActiveChatModel } from "./resolve-chat-model";
