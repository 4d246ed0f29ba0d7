import { reencryptStoredSecrets, type AppDeps } from "@frontdesk/core";
import type { CliIo } from "../cli-io";
import { parseFlags } from "../parse-flags";

export const secretsReencryptUsage = `frontdesk secrets reencrypt [--json]

  Key rotation: re-encrypts every stored integration config, custom action secret and webhook secret not yet
  encrypted with the first key of INTEGRATIONS_ENCRYPTION_KEYS. Afterwards the older keys can be removed.`;

export function parseSecretsReencryptArgs(args: string[]) {
  const values = parseFlags(args, { json: { type: "boolean", default: false } });
  return { json: values.json === true };
}

export async function secretsReencrypt(deps: AppDeps, args: ReturnType<typeof parseSecretsReencryptArgs>, io: CliIo): Promise<void> {
  const summary = await reencryptStoredSecrets(deps);
  if (args.json) {
    io.out(JSON.stringify({ keyId: deps.keyring.currentKeyId, ...summary }));
    return;
  }
  io.err(
    `Re-encrypted with key "${deps.keyring.currentKeyId}": ${summary.integrations} integrations, ${summary.customActions} custom actions, ${summary.webhookEndpoints} webhook endpoints, ${summary.modelSettings} organization model keys, ${summary.voiceSecrets} bot voice secrets.`,
  );
}
