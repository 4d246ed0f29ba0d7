export { classifyVisitorTurn, type Sentiment, type SentimentResult } from "./sentiment-rules";
export { assessVisitorTurn, FRUSTRATED_TURNS_FOR_HANDOFF, HANDOFF_SUGGESTION, type TurnAssessment } from "./assess-visitor-turn";
