import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import type { ActionContext } from "../types";
import { contactPropertiesSchema, type HubspotConfig, hubspotConfigSchema } from "./config";
import { createContact, searchContact, updateContact, upsertContactByEmail } from "./contacts";
import { createHubspotClient, toHubspotError } from "./hubspot-client";

type Ctx = ActionContext<HubspotConfig>;

const findContact = defineAction({
  name: "find_contact",
  description: "Look up a CRM contact by email or phone number. Returns null when there is none.",
  // Tool schemas must be a top-level object, so "one of" is a refinement rather than a union.
  input: z
    .object({ email: z.email().optional(), phone: z.string().min(5).max(40).optional() })
    .refine((i) => Boolean(i.email) !== Boolean(i.phone), { message: "Give exactly one of email or phone", path: ["email"] }),
  execute: (input, ctx: Ctx) =>
    searchContact(createHubspotClient(ctx.config, ctx), input.email ? { email: input.email } : { phone: input.phone ?? "" }),
});

const createContactAction = defineAction({
  name: "create_contact",
  description: "Create a new CRM contact. Fails with a conflict if the email already exists; prefer upsert_contact.",
  input: contactPropertiesSchema,
  execute: (input, ctx: Ctx) => createContact(createHubspotClient(ctx.config, ctx), input),
});

const updateContactAction = defineAction({
  name: "update_contact",
  description: "Update fields of an existing CRM contact by its HubSpot id.",
  input: z.object({ id: z.string().regex(/^\d+$/), properties: contactPropertiesSchema }),
  execute: (input, ctx: Ctx) => updateContact(createHubspotClient(ctx.config, ctx), input.id, input.properties),
});

const upsertContact = defineAction({
  name: "upsert_contact",
  description: "Save a lead: create the contact, or update the existing one with the same email.",
  input: contactPropertiesSchema.extend({ email: z.email() }),
  execute: (input, ctx: Ctx) => upsertContactByEmail(createHubspotClient(ctx.config, ctx), input),
});

export const hubspotIntegration = defineIntegration<HubspotConfig>({
  id: "hubspot",
  name: "HubSpot",
  description: "Find, create and update CRM contacts from conversations (private app token).",
  configSchema: hubspotConfigSchema,
  async testConnection(config, ctx) {
    await createHubspotClient(config, ctx).crm.contacts.basicApi.getPage(1).catch(toHubspotError);
    return { ok: true };
  },
  actions: [findContact, createContactAction, updateContactAction, upsertContact],
});
