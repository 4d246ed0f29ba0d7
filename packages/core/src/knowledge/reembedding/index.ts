export { requestReembedding } from "./request-reembedding";
export { reembedBatch, swapEmbeddings, markReembedFailed, REEMBED_BATCH_SIZE, type ReembedRef, type ReembedBatchResult, type SwapResult } from "./reembed-steps";
