import { toJsonSchema } from "./json-schema";
import { loadIntegration, UnknownIntegrationError } from "./registry";
import type { IntegrationContext, JsonSchema } from "./types";

/** Provider-neutral function tool: maps 1:1 onto OpenAI/Anthropic/LangChain tool definitions. */
export interface IntegrationTool {
  /** `<prefix>_<action>`, within OpenAI's `^[a-zA-Z0-9_-]{1,64}$`. */
  name: string;
  description: string;
  parameters: JsonSchema;
  /** Parses `input` with the action's zod schema (LLM output is untrusted) and runs it. */
  invoke(input: unknown): Promise<unknown>;
}

export interface InstalledIntegration {
  integrationId: string;
  /** Decrypted config; parsed here, so a stale stored config fails loudly rather than half-working. */
  config: unknown;
  /** Distinguishes two installs of one type (e.g. two HubSpot portals); defaults to the integration id. */
  prefix?: string;
  /** Subset the owner enabled for this bot; all actions when omitted. */
  enabledActions?: readonly string[];
  ctx?: IntegrationContext;
}

export async function buildIntegrationTools(installed: readonly InstalledIntegration[]): Promise<IntegrationTool[]> {
  const tools: IntegrationTool[] = [];
  for (const install of installed) {
    const definition = await loadIntegration(install.integrationId);
    if (!definition) throw new UnknownIntegrationError(`Unknown integration "${install.integrationId}"`);
    const config = definition.configSchema.parse(install.config);
    const prefix = (install.prefix ?? definition.id).replace(/[^a-zA-Z0-9_-]/g, "_");
    for (const action of definition.actions) {
      if (install.enabledActions && !install.enabledActions.includes(action.name)) continue;
      const name = `${prefix}_${action.name}`.slice(0, 64);
      if (tools.some((tool) => tool.name === name)) throw new Error(`Duplicate tool name "${name}"; give installs distinct prefixes`);
      tools.push({
        name,
        description: `${definition.name}: ${action.description}`,
        parameters: toJsonSchema(action.input),
        invoke: async (input) => action.execute(action.input.parse(input), { ...install.ctx, config }),
      });
    }
  }
  return tools;
}
