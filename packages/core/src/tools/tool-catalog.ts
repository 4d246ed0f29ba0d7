import { describeIntegration, loadIntegration } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { fileCustomActionsFor } from "../custom-actions/file-actions";
import type { ToolView } from "./schemas";

/** A catalog entry plus what running it needs (never returned from an API as is). */
export interface CatalogTool extends ToolView {
  /** Display name of the integration or custom action, for fallback texts ("I couldn't reach Cal.com"). */
  systemLabel: string;
  timeoutMs: number | null;
}

/** "log_lead" → "the log lead service", for "I couldn't reach … just now". */
function serviceLabel(actionName: string): string {
  return `the ${actionName.replaceAll("_", " ")} service`;
}

function slug(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_+|_+$/g, "") || "install";
}

/**
 * Every tool the organization's bots can enable: each action of each enabled integration (named
 * `<type>_<action>`, or `<type>_<integration name>_<action>` when two integrations share a type), then the enabled
 * custom actions from the database and the FRONTDESK_ACTIONS_DIR files enabled for the organization. The first of two equal names wins.
 */
export async function loadToolCatalog(ctx: ServiceContext): Promise<CatalogTool[]> {
  const tools: CatalogTool[] = [];
  const taken = new Set<string>();
  const add = (tool: CatalogTool) => {
    if (taken.has(tool.name)) {
      ctx.logger.warn({ tool: tool.name }, "two tools share a name; the second is not offered");
      return;
    }
    taken.add(tool.name);
    tools.push(tool);
  };

  const integrations = await ctx.prisma.integration.findMany({
    where: { organizationId: ctx.organizationId, enabled: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  for (const integration of integrations) {
    const definition = await loadIntegration(integration.type);
    if (!definition) continue;
    const shared = integrations.filter((other) => other.type === integration.type).length > 1;
    const prefix = shared ? `${integration.type}_${slug(integration.name)}` : integration.type;
    for (const action of describeIntegration(definition).actions) {
      add({
        name: `${prefix}_${action.name}`.slice(0, 64),
        kind: "integration",
        description: `${integration.name}: ${action.description}`,
        parameters: action.inputJsonSchema,
        integrationId: integration.id,
        integrationType: integration.type,
        action: action.name,
        customActionId: null,
        origin: "integration",
        systemLabel: integration.name,
        timeoutMs: null,
      });
    }
  }

  const customActions = await ctx.prisma.customAction.findMany({
    where: { organizationId: ctx.organizationId, enabled: true },
    orderBy: { name: "asc" },
  });
  for (const action of customActions) {
    add({
      name: action.name,
      kind: "custom_action",
      description: action.description,
      parameters: (action.parameters ?? {}) as Record<string, unknown>,
      integrationId: null,
      integrationType: null,
      action: null,
      customActionId: action.id,
      origin: "database",
      systemLabel: serviceLabel(action.name),
      timeoutMs: action.timeoutMs,
    });
  }
  for (const action of await fileCustomActionsFor(ctx)) {
    if (!action.enabled) continue;
    add({
      name: action.name,
      kind: "custom_action",
      description: action.description,
      parameters: action.parameters,
      integrationId: null,
      integrationType: null,
      action: null,
      customActionId: null,
      origin: "file",
      systemLabel: serviceLabel(action.name),
      timeoutMs: action.timeoutMs,
    });
  }
  return tools;
}

/** The public part of a catalog entry. */
export function toToolView({ systemLabel: _label, timeoutMs: _timeout, ...view }: CatalogTool): ToolView {
  return view;
}
