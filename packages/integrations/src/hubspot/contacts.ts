import type { Client } from "@hubspot/api-client";
import { FilterOperatorEnum } from "@hubspot/api-client/lib/codegen/crm/contacts";
import type { ContactProperties } from "./config";
import { retryIdempotentRead } from "../retry";
import { hubspotMessage, isApiException, toHubspotError } from "./hubspot-client";

export interface HubspotContact {
  id: string;
  properties: Record<string, string | null>;
  createdAt: string;
  updatedAt: string;
}

const returnedProperties = ["email", "firstname", "lastname", "phone", "mobilephone", "company"];

function toContact(object: { id: string; properties: Record<string, string | null>; createdAt: Date; updatedAt: Date }): HubspotContact {
  return {
    id: object.id,
    properties: object.properties,
    createdAt: new Date(object.createdAt).toISOString(),
    updatedAt: new Date(object.updatedAt).toISOString(),
  };
}

function definedProperties(properties: ContactProperties): Record<string, string> {
  return Object.fromEntries(Object.entries(properties).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

/**
 * Search is eventually consistent (new contacts appear after seconds), which is why upsert relies on the 409
 * from create rather than search-then-create.
 */
export async function searchContact(client: Client, by: { email: string } | { phone: string }): Promise<HubspotContact | null> {
  const filterGroups =
    "email" in by
      ? [{ filters: [{ propertyName: "email", operator: FilterOperatorEnum.Eq, value: by.email }] }]
      : ["phone", "mobilephone"].map((propertyName) => ({
          filters: [{ propertyName, operator: FilterOperatorEnum.Eq, value: by.phone }],
        }));
  // A search is a read even though it is a POST, so a 5xx gets the one bounded retry.
  const result = await retryIdempotentRead(() =>
    client.crm.contacts.searchApi
      .doSearch({ filterGroups, properties: returnedProperties, limit: 1, sorts: [], after: undefined })
      .catch(toHubspotError),
  );
  const first = result.results[0];
  return first ? toContact(first) : null;
}

export async function createContact(client: Client, properties: ContactProperties): Promise<HubspotContact> {
  return toContact(await client.crm.contacts.basicApi.create({ properties: definedProperties(properties), associations: [] }).catch(toHubspotError));
}

export async function updateContact(client: Client, id: string, properties: ContactProperties): Promise<HubspotContact> {
  return updateContactProperties(client, id, definedProperties(properties));
}

/** Raw property write, for properties outside the agent's contact schema (e.g. the ai_* qualification fields). */
export async function updateContactProperties(client: Client, id: string, properties: Record<string, string>): Promise<HubspotContact> {
  return toContact(await client.crm.contacts.basicApi.update(id, { properties }).catch(toHubspotError));
}

/** HubSpot's duplicate-email 409 names the existing contact: "Contact already exists. Existing ID: 123". */
export function existingIdFromConflict(body: unknown): string | undefined {
  return hubspotMessage(body)?.match(/Existing ID:\s*(\d+)/)?.[1];
}

/** Create, and on a duplicate-email 409 update the contact HubSpot names, so concurrent calls never duplicate. */
export async function upsertContactByEmail(
  client: Client,
  properties: ContactProperties & { email: string },
): Promise<{ contact: HubspotContact; created: boolean }> {
  try {
    const created = await client.crm.contacts.basicApi.create({ properties: definedProperties(properties), associations: [] });
    return { contact: toContact(created), created: true };
  } catch (error) {
    const existingId = isApiException(error) && error.code === 409 ? existingIdFromConflict(error.body) : undefined;
    if (!existingId) return toHubspotError(error);
    return { contact: await updateContact(client, existingId, properties), created: false };
  }
}
