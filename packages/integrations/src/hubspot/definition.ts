import { z } from "zod";
import { defineAction, defineIntegration } from "../define";
import { IntegrationError } from "../errors";
import type { ActionContext } from "../types";
import { contactPropertiesSchema, type HubspotConfig, hubspotConfigSchema } from "./config";
import { createContact, searchContact, updateContact, upsertContactByEmail } from "./contacts";
import { createDeal, listDealPipelines, moveDealStage } from "./deals";
import { createHubspotClient, toHubspotError } from "./hubspot-client";
import { ensureLeadProperties, leadQualificationSchema, writeLeadQualification } from "./lead-properties";
import { createNote, logConversation, transcriptLineSchema } from "./notes";

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

const hubspotId = z.string().regex(/^\d+$/, "HubSpot ids are numeric");

const listDealStages = defineAction({
  name: "list_deal_stages",
  description: "List the deal pipelines and their stages (ids and labels, in order). Call before create_deal or move_deal_stage to pick a stage id.",
  input: z.object({}),
  execute: (_input, ctx: Ctx) => listDealPipelines(createHubspotClient(ctx.config, ctx)),
});

const createDealAction = defineAction({
  name: "create_deal",
  description: "Create a deal for a qualified lead, linked to their contact. Use stage ids from list_deal_stages (default pipeline \"default\", first stage \"appointmentscheduled\").",
  input: z.object({
    name: z.string().min(1).max(200).describe('Deal name, e.g. "Kitchen remodel – Ada Lovelace"'),
    contactId: hubspotId.describe("Contact id from upsert_contact or find_contact"),
    pipeline: z.string().min(1).default("default").describe("Pipeline id"),
    stage: z.string().min(1).default("appointmentscheduled").describe("Stage id within the pipeline"),
    amount: z.number().nonnegative().optional().describe("Expected value in the portal's currency"),
    closeDate: z.iso.date().optional().describe("Expected close date, YYYY-MM-DD"),
  }),
  execute: (input, ctx: Ctx) => createDeal(createHubspotClient(ctx.config, ctx), input),
});

const moveDealStageAction = defineAction({
  name: "move_deal_stage",
  description: "Move an existing deal to another stage (e.g. after a meeting is booked). Stage ids come from list_deal_stages.",
  input: z.object({ dealId: hubspotId, stage: z.string().min(1).describe("Target stage id"), pipeline: z.string().min(1).optional().describe("Only when moving to another pipeline") }),
  execute: (input, ctx: Ctx) => moveDealStage(createHubspotClient(ctx.config, ctx), input.dealId, input.stage, input.pipeline),
});

const addNote = defineAction({
  name: "add_note",
  description: "Add a plain-text note to a contact's timeline (optionally also on a deal), e.g. a detail the team must know.",
  input: z.object({ contactId: hubspotId, text: z.string().min(1).max(10_000), dealId: hubspotId.optional() }),
  execute: (input, ctx: Ctx) => createNote(createHubspotClient(ctx.config, ctx), input),
});

const logConversationAction = defineAction({
  name: "log_conversation",
  description: "Log this conversation on the contact's timeline: a note with your summary (and the transcript if given), and the summary in ai_last_conversation.",
  input: z.object({
    contactId: hubspotId,
    summary: z.string().min(1).max(2000).describe("What the visitor wanted and what was agreed, in a few sentences"),
    channel: z.string().max(40).optional().describe('e.g. "website chat", "WhatsApp"'),
    transcript: z.array(transcriptLineSchema).max(500).optional(),
    conversationUrl: z.url({ protocol: /^https?$/ }).optional(),
    dealId: hubspotId.optional(),
  }),
  execute: (input, ctx: Ctx) => logConversation(createHubspotClient(ctx.config, ctx), input),
});

const saveLeadQualification = defineAction({
  name: "save_lead_qualification",
  description: "Write the lead's score and qualification (service interest, urgency, budget, timeline, conversation summary) to their contact. Send only what you learned.",
  input: leadQualificationSchema
    .extend({ contactId: hubspotId })
    .refine((i) => Object.keys(i).some((key) => key !== "contactId"), { message: "Give at least one qualification field", path: ["score"] }),
  execute: ({ contactId, ...qualification }, ctx: Ctx) => writeLeadQualification(createHubspotClient(ctx.config, ctx), contactId, qualification),
});

export const hubspotIntegration = defineIntegration<HubspotConfig>({
  id: "hubspot",
  name: "HubSpot",
  description: "Save leads as CRM contacts with AI qualification, create and move deals, and log conversations (private app token).",
  configSchema: hubspotConfigSchema,
  /** Checks the token, then creates the missing ai_* contact properties the qualification action writes. */
  async testConnection(config, ctx) {
    const client = createHubspotClient(config, ctx);
    await client.crm.contacts.basicApi.getPage(1).catch(toHubspotError);
    try {
      const { created } = await ensureLeadProperties(client);
      return { ok: true, ...(created.length > 0 ? { detail: `Created contact properties: ${created.join(", ")}` } : {}) };
    } catch (error) {
      // The token works but lacks crm.schemas.contacts.write: contacts still sync, qualification writes will 400.
      if (error instanceof IntegrationError && error.status === 403) {
        return { ok: true, detail: `Connected, but the AI lead properties could not be created (${error.message}); add the crm.schemas.contacts.write scope` };
      }
      throw error;
    }
  },
  /** Periodic repair: an admin may delete a custom property in HubSpot; recreate it before the agent needs it. */
  async sync(config, ctx) {
    await ensureLeadProperties(createHubspotClient(config, ctx));
  },
  actions: [
    findContact,
    createContactAction,
    updateContactAction,
    upsertContact,
    saveLeadQualification,
    logConversationAction,
    addNote,
    listDealStages,
    createDealAction,
    moveDealStageAction,
  ],
});
