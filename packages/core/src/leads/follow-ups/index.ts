export { followUpDelayMs, followUpStepSchema, followUpsSchema, readFollowUps, type FollowUpStep } from "./schemas";
export { noteLeadEngaged, requestFollowUps } from "./request-follow-ups";
export { planFollowUps, type FollowUpPlan } from "./plan-follow-ups";
export { readBooking, sendFollowUp, type FollowUpOutcome } from "./send-follow-up";
