import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { seal } from "../secrets";
import { viewIntegration } from "./get-integration";
import { loadDefinitionOrThrow, parseProviderConfig } from "./load-definition";
import { runConnectionTest, testedStatus } from "./run-connection-test";
import { createIntegrationInput, type CreateIntegrationInput, type IntegrationView } from "./schemas";
import { toPublicConfig } from "./views";

/**
 * Saves an integration after a successful connection test (or untested with skipTest). A refused test saves
 * nothing and answers 422 with the provider's own error, so the owner can fix the credentials and retry.
 */
export async function createIntegration(ctx: ServiceContext, rawInput: CreateIntegrationInput): Promise<IntegrationView> {
  const input = parseInput(createIntegrationInput, rawInput);
  const definition = await loadDefinitionOrThrow(input.type);
  const config = parseProviderConfig(definition, () => definition.configSchema.parse(input.config));
  const test = input.skipTest ? null : await runConnectionTest(ctx, definition.id, config);
  if (test && !test.ok) throw connectionRefused(definition.name, test.error);

  const row = await ctx.prisma.$transaction(async (tx) => {
    // The row id is the ciphertext's associated data, so the row exists before its config is encrypted.
    const created = await tx.integration.create({
      data: {
        organizationId: ctx.organizationId,
        type: definition.id,
        name: input.name ?? definition.name,
        encryptedConfig: {},
        keyId: ctx.keyring.currentKeyId,
        publicConfig: toPublicConfig(definition, config),
        enabled: input.enabled ?? true,
        ...(test ? testedStatus(test) : {}),
      },
    });
    const { envelope, keyId } = seal(ctx.keyring, config, created.id);
    return tx.integration.update({ where: { id: created.id }, data: { encryptedConfig: envelope, keyId } });
  });
  return viewIntegration(row);
}

export function connectionRefused(provider: string, error: string): AppError {
  return new AppError("validation_failed", `Connection test failed: ${error}`, {
    fields: [{ field: "config", message: `${provider} refused the settings: ${error} (fix them, or save with skipTest: true)` }],
  });
}
