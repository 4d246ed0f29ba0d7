import { IntegrationError } from "./errors";
import { toJsonSchema } from "./json-schema";
import type { ActionContext, IntegrationContext, IntegrationDefinition, IntegrationTypeDescriptor } from "./types";

/**
 * Every integration type Frontdesk knows, keyed by id. Each entry is a lazy import of the provider's folder so
 * adding a provider is one folder plus one line here, and unused SDKs are never loaded.
 */
const loaders: Record<string, () => Promise<IntegrationDefinition>> = {
  calcom: async () => (await import("./calcom/definition")).calcomIntegration as IntegrationDefinition,
  email: async () => (await import("./email/definition")).emailIntegration as IntegrationDefinition,
  hubspot: async () => (await import("./hubspot/definition")).hubspotIntegration as IntegrationDefinition,
  salesforce: async () => (await import("./salesforce/definition")).salesforceIntegration as IntegrationDefinition,
  twilio: async () => (await import("./twilio/definition")).twilioIntegration as IntegrationDefinition,
  vapi: async () => (await import("./vapi/definition")).vapiIntegration as IntegrationDefinition,
  webhook: async () => (await import("./webhook/definition")).webhookIntegration as IntegrationDefinition,
};

export function listIntegrationIds(): string[] {
  return Object.keys(loaders).sort();
}

export async function loadIntegration(id: string): Promise<IntegrationDefinition | undefined> {
  const load = Object.hasOwn(loaders, id) ? loaders[id] : undefined;
  return load ? load() : undefined;
}

export function describeIntegration(definition: IntegrationDefinition): IntegrationTypeDescriptor {
  return {
    id: definition.id,
    name: definition.name,
    description: definition.description,
    configJsonSchema: toJsonSchema(definition.configSchema),
    actions: definition.actions.map((action) => ({
      name: action.name,
      description: action.description,
      inputJsonSchema: toJsonSchema(action.input),
    })),
  };
}

/** What the admin renders (config forms) and what the agent turns into tools. */
export async function listIntegrationTypes(): Promise<IntegrationTypeDescriptor[]> {
  const definitions = await Promise.all(listIntegrationIds().map((id) => loadIntegration(id)));
  return definitions.flatMap((definition) => (definition ? [describeIntegration(definition)] : []));
}

export class UnknownIntegrationError extends Error {
  constructor(what: string) {
    super(what);
    this.name = "UnknownIntegrationError";
  }
}

/**
 * The one door for untrusted input: stored config and LLM-produced arguments are both parsed with the provider's
 * zod schemas before any provider code runs, so a provider's execute() sees exactly its declared types.
 */
export async function runAction(opts: {
  integrationId: string;
  action: string;
  config: unknown;
  input: unknown;
  ctx?: IntegrationContext;
}): Promise<unknown> {
  const definition = await loadIntegration(opts.integrationId);
  if (!definition) throw new UnknownIntegrationError(`Unknown integration "${opts.integrationId}"`);
  const action = definition.actions.find((candidate) => candidate.name === opts.action);
  if (!action) throw new UnknownIntegrationError(`Integration "${opts.integrationId}" has no action "${opts.action}"`);
  const config = definition.configSchema.parse(opts.config);
  const input = action.input.parse(opts.input);
  const ctx: ActionContext<unknown> = { ...opts.ctx, config };
  return action.execute(input, ctx);
}

export async function testIntegrationConnection(opts: {
  integrationId: string;
  config: unknown;
  ctx?: IntegrationContext;
}) {
  const definition = await loadIntegration(opts.integrationId);
  if (!definition) throw new UnknownIntegrationError(`Unknown integration "${opts.integrationId}"`);
  try {
    return await definition.testConnection(definition.configSchema.parse(opts.config), opts.ctx ?? {});
  } catch (error) {
    // A provider refusing the credentials is an answer for the owner, not a server error.
    if (error instanceof IntegrationError) return { ok: false as const, error: error.message, status: error.status };
    throw error;
  }
}
