export { detectHandoffRequest } from "./detect-handoff-request";
export { operatorReplyInput, widgetMessagesAfterInput, type OperatorReplyInput } from "./schemas";
export { takeOverConversation, releaseConversation } from "./take-over";
export { closeConversation } from "./close-conversation";
export { replyAsOperator } from "./reply-as-operator";
export { requestHandoff, HANDOFF_NOTICE, type HandoffReason } from "./request-handoff";
export { escalateIfUnanswered, UNANSWERED_IN_A_ROW } from "./escalate-unanswered";
