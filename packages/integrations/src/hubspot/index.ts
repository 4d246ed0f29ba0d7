export { type ContactProperties, contactPropertiesSchema, type HubspotConfig, hubspotConfigSchema } from "./config";
export { createContact, existingIdFromConflict, type HubspotContact, searchContact, updateContact, updateContactProperties, upsertContactByEmail } from "./contacts";
export { createDeal, DEAL_TO_CONTACT, type DealPipeline, type HubspotDeal, listDealPipelines, moveDealStage } from "./deals";
export { createHubspotClient, HUBSPOT_BASE_URL } from "./hubspot-client";
export {
  AI_CONTACT_PROPERTIES,
  AI_PROPERTY_GROUP,
  ensureLeadProperties,
  type LeadQualification,
  leadQualificationSchema,
  qualificationProperties,
  writeLeadQualification,
} from "./lead-properties";
export { conversationNoteHtml, createNote, type HubspotNote, logConversation, NOTE_TO_CONTACT, NOTE_TO_DEAL } from "./notes";
