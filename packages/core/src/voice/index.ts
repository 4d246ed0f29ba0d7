export * from "./call-schemas";
export { listCalls, getCall, listCallEvents } from "./calls";
export { controlCall, controlBody } from "./control-call";
export { authenticateVoiceRequest, handleVapiMessage, type VoiceRequest } from "./handle-vapi-message";
export { SEARCH_KNOWLEDGE_TOOL } from "./voice-tool-calls";
export { classifySentiment, type UserSentiment } from "./sentiment";
export { LIVE_BATCH_MS } from "./publish-call-update";
export { completeChat, listLlmModels, chatCompletionRequest, type ChatCompletionRequest } from "./openai-compatible";
