export * from "./schemas";
export { upsertConversationLead, type LeadSource } from "./upsert-conversation-lead";
export { addLeadFormIfDue, readLeadForm, leadFormMetadataSchema, type LeadFormMetadata } from "./lead-form";
export { submitLeadForm } from "./submit-lead-form";
export { toLeadView } from "./views";
export * from "./qualification";
