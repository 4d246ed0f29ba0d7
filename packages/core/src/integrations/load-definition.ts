import { loadIntegration, type IntegrationDefinition } from "@frontdesk/integrations";
import { ZodError } from "zod";
import { AppError } from "../errors";

export async function loadDefinitionOrThrow(type: string, field = "type"): Promise<IntegrationDefinition> {
  const definition = await loadIntegration(type);
  if (!definition) {
    throw new AppError("validation_failed", `Unknown integration type "${type}"`, {
      fields: [{ field, message: "unknown integration type (see GET /integrations/types)" }],
    });
  }
  return definition;
}

/** Provider settings validated with the provider's own schema; problems name `config.<field>`. */
export function parseProviderConfig(definition: IntegrationDefinition, parse: () => unknown): Record<string, unknown> {
  try {
    return parse() as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof ZodError)) throw error;
    const fields = error.issues.map((issue) => ({
      field: ["config", ...issue.path.map(String)].join("."),
      message: issue.message,
    }));
    throw new AppError("validation_failed", `Invalid ${definition.name} settings: ${fields.map((f) => `${f.field}: ${f.message}`).join("; ")}`, { fields });
  }
}
