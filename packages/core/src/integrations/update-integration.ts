import { mergeConfigUpdate } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { seal, unseal } from "../secrets";
import { connectionRefused } from "./create-integration";
import { getIntegrationOrThrow, viewIntegration } from "./get-integration";
import { loadDefinitionOrThrow, parseProviderConfig } from "./load-definition";
import { runConnectionTest, testedStatus } from "./run-connection-test";
import { updateIntegrationInput, type IntegrationView, type UpdateIntegrationInput } from "./schemas";
import { toPublicConfig } from "./views";

/** New settings are tested before they replace the stored ones (unless skipTest); blank secrets keep theirs. */
export async function updateIntegration(ctx: ServiceContext, id: string, rawInput: UpdateIntegrationInput): Promise<IntegrationView> {
  const input = parseInput(updateIntegrationInput, rawInput);
  const row = await getIntegrationOrThrow(ctx, id);
  let configChange = {};
  if (input.config !== undefined) {
    const definition = await loadDefinitionOrThrow(row.type);
    const stored = unseal(ctx.keyring, row.encryptedConfig, row.id) as Record<string, unknown>;
    const config = parseProviderConfig(definition, () => mergeConfigUpdate(definition, stored, input.config ?? {}));
    const test = input.skipTest ? null : await runConnectionTest(ctx, definition.id, config);
    if (test && !test.ok) throw connectionRefused(definition.name, test.error);
    const { envelope, keyId } = seal(ctx.keyring, config, row.id);
    configChange = {
      encryptedConfig: envelope,
      keyId,
      publicConfig: toPublicConfig(definition, config),
      ...(test ? testedStatus(test) : { status: "untested" as const, statusReason: null }),
    };
  }
  const updated = await ctx.prisma.integration.update({
    where: { id: row.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...configChange,
    },
  });
  return viewIntegration(updated);
}
