import type { ActionDefinition, IntegrationDefinition } from "./types";

/** Identity helpers that keep each provider's Config/Input types while the registry stores them erased. */
export function defineIntegration<Config>(definition: IntegrationDefinition<Config>): IntegrationDefinition<Config> {
  return definition;
}

export function defineAction<Config, Input, Output>(
  action: ActionDefinition<Config, Input, Output>,
): ActionDefinition<Config, Input, Output> {
  return action;
}
