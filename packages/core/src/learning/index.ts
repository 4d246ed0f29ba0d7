export { recordFailedRetrieval, type FailureReason, type FailedRetrievalInput } from "./record-failed-retrieval";
export { learnFromTurn, learnFromOperatorReply, LEARNING_WINDOW_TURNS, type AnsweredTurn } from "./learn-from-turn";
export { requestTurnLearning } from "./request-turn-learning";
export { proposeMapping, mappingConfidence } from "./propose-mapping";
export { isVisitorRejection } from "./visitor-rejection";
export * from "./gaps";
export * from "./frustration";
export { listMappingReviewQueue, mappingReviewQueueInput, type MappingReviewQueueInput, type MappingReview } from "./mapping-review-queue";
export * from "./suggestions";
