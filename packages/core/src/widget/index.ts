export { resolveWidgetContext, type WidgetRequest } from "./resolve-widget-context";
export { getWidgetConfig, widgetConfigSchema, type WidgetConfig } from "./get-widget-config";
export { getVisitorConversation, visitorConversationSchema, type VisitorConversation } from "./visitor-conversation";
export { widgetStrings, widgetLanguage, widgetStringKeys, type WidgetStrings } from "./widget-strings";
export { followVisitorConversation, type FollowOptions, type VisitorStreamEvent } from "./follow-visitor-conversation";
export { rateAnswer, setAnswerRating, rateAnswerInput, ratedAnswerSchema, answerRatingSchema, type AnswerRating, type RateAnswerInput, type RatedAnswer } from "./rate-answer";
