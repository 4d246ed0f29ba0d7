import type { Client } from "@hubspot/api-client";
import { PropertyCreateFieldTypeEnum, PropertyCreateTypeEnum } from "@hubspot/api-client/lib/codegen/crm/properties";
import { z } from "zod";
import { retryIdempotentRead } from "../retry";
import type { HubspotContact } from "./contacts";
import { updateContactProperties } from "./contacts";
import { toHubspotError } from "./hubspot-client";

/** Property group the custom AI properties live in, so owners find them together in HubSpot. */
export const AI_PROPERTY_GROUP = { name: "frontdesk_ai", label: "Frontdesk AI", displayOrder: -1 } as const;

export const URGENCY_LEVELS = ["low", "medium", "high"] as const;

interface PropertySpec {
  name: string;
  label: string;
  description: string;
  type: PropertyCreateTypeEnum;
  fieldType: PropertyCreateFieldTypeEnum;
  options?: { label: string; value: string; displayOrder: number; hidden: boolean }[];
}

/** The contact properties the agent writes; created on connect when missing (HubSpot 400s on unknown names). */
export const AI_CONTACT_PROPERTIES: readonly PropertySpec[] = [
  { name: "ai_lead_score", label: "AI lead score", description: "0–100, how likely the lead is to buy (set by the AI agent)", type: PropertyCreateTypeEnum.Number, fieldType: PropertyCreateFieldTypeEnum.Number },
  { name: "ai_service_interest", label: "AI service interest", description: "Service or product the lead asked about", type: PropertyCreateTypeEnum.String, fieldType: PropertyCreateFieldTypeEnum.Text },
  {
    name: "ai_urgency",
    label: "AI urgency",
    description: "How soon the lead needs help",
    type: PropertyCreateTypeEnum.Enumeration,
    fieldType: PropertyCreateFieldTypeEnum.Select,
    options: URGENCY_LEVELS.map((value, displayOrder) => ({ label: value[0]?.toUpperCase() + value.slice(1), value, displayOrder, hidden: false })),
  },
  { name: "ai_budget_range", label: "AI budget range", description: "Budget the lead mentioned, e.g. \"$5k–10k\"", type: PropertyCreateTypeEnum.String, fieldType: PropertyCreateFieldTypeEnum.Text },
  { name: "ai_timeline", label: "AI timeline", description: "When the lead wants to start, in their words", type: PropertyCreateTypeEnum.String, fieldType: PropertyCreateFieldTypeEnum.Text },
  { name: "ai_last_conversation", label: "AI last conversation", description: "Date and summary of the latest AI conversation", type: PropertyCreateTypeEnum.String, fieldType: PropertyCreateFieldTypeEnum.Textarea },
];

/**
 * Lists contact properties and creates the missing AI ones (and their group). Idempotent: a property created by a
 * concurrent call answers 409, which counts as present.
 */
export async function ensureLeadProperties(client: Client): Promise<{ created: string[]; existing: string[] }> {
  const properties = await retryIdempotentRead(() => client.crm.properties.coreApi.getAll("contacts").catch(toHubspotError));
  const present = new Set(properties.results.map((property) => property.name));
  const missing = AI_CONTACT_PROPERTIES.filter((spec) => !present.has(spec.name));
  if (missing.length === 0) return { created: [], existing: AI_CONTACT_PROPERTIES.map((spec) => spec.name) };

  const groups = await retryIdempotentRead(() => client.crm.properties.groupsApi.getAll("contacts").catch(toHubspotError));
  if (!groups.results.some((group) => group.name === AI_PROPERTY_GROUP.name)) {
    await client.crm.properties.groupsApi.create("contacts", { ...AI_PROPERTY_GROUP }).catch(ignoreConflict);
  }
  const created: string[] = [];
  for (const spec of missing) {
    const made = await client.crm.properties.coreApi
      .create("contacts", { ...spec, groupName: AI_PROPERTY_GROUP.name, formField: false, hasUniqueValue: false })
      .then(() => true, ignoreConflict);
    if (made) created.push(spec.name);
  }
  return { created, existing: AI_CONTACT_PROPERTIES.map((spec) => spec.name).filter((name) => !created.includes(name)) };
}

function ignoreConflict(error: unknown): false {
  if (error && typeof error === "object" && "code" in error && error.code === 409) return false;
  return toHubspotError(error);
}

export const leadQualificationSchema = z.object({
  score: z.number().int().min(0).max(100).optional().describe("0–100: how likely this lead is to buy (budget, need, urgency, fit)"),
  serviceInterest: z.string().max(200).optional().describe("Service or product the lead wants"),
  urgency: z.enum(URGENCY_LEVELS).optional().describe("How soon they need it"),
  budgetRange: z.string().max(100).optional().describe('Budget in the lead\'s words, e.g. "$5k–10k"'),
  timeline: z.string().max(200).optional().describe('When they want to start, e.g. "next month"'),
  conversationSummary: z.string().max(2000).optional().describe("Two or three sentences summarising this conversation"),
});
export type LeadQualification = z.infer<typeof leadQualificationSchema>;

/** HubSpot property values for a qualification; `ai_last_conversation` is prefixed with the date so reps see recency. */
export function qualificationProperties(qualification: LeadQualification, now = new Date()): Record<string, string> {
  const properties: Record<string, string | undefined> = {
    ai_lead_score: qualification.score === undefined ? undefined : String(qualification.score),
    ai_service_interest: qualification.serviceInterest,
    ai_urgency: qualification.urgency,
    ai_budget_range: qualification.budgetRange,
    ai_timeline: qualification.timeline,
    ai_last_conversation: qualification.conversationSummary && `${now.toISOString().slice(0, 10)}: ${qualification.conversationSummary}`,
  };
  return Object.fromEntries(Object.entries(properties).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

export function writeLeadQualification(client: Client, contactId: string, qualification: LeadQualification, now = new Date()): Promise<HubspotContact> {
  return updateContactProperties(client, contactId, qualificationProperties(qualification, now));
}
