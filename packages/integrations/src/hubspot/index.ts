export { type ContactProperties, contactPropertiesSchema, type HubspotConfig, hubspotConfigSchema } from "./config";
export { createContact, existingIdFromConflict, type HubspotContact, searchContact, updateContact, upsertContactByEmail } from "./contacts";
export { createHubspotClient } from "./hubspot-client";
