export * from "./schemas";
export { listKnowledgeGaps, answerKnowledgeGap, dismissKnowledgeGap } from "./knowledge-gaps";
export { attachToGap, detachFromGap } from "./attach-to-gap";
export { sameQuestion, SAME_MEANING, SAME_MEANING_SHARED_WORD } from "./same-question";
