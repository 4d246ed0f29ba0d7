export { classifyVisitorTurn, classifyRecentTurns, overallSentiment, detectLanguage, SENTIMENTS, type Sentiment, type SentimentLanguage, type SentimentResult } from "./sentiment-rules";
export { classifyTurnWithModel, SENTIMENT_MODEL_TIMEOUT_MS } from "./sentiment-model";
export {
  assessVisitorTurn,
  refineTurnSentiment,
  FRUSTRATED_TURNS_FOR_HANDOFF,
  HANDOFF_SUGGESTION,
  type ModelSentimentOutcome,
  type TurnAssessment,
} from "./assess-visitor-turn";
