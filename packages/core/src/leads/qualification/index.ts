export * from "./schemas";
export { qualifyByRules } from "./qualification-rules";
export { qualifyWithModel } from "./qualify-with-model";
export { mayBeLead, qualifyConversation, type QualifyOutcome } from "./qualify-conversation";
export { requestLeadQualification } from "./request-qualification";
