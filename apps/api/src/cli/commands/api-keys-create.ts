import { createApiKey, resolveOrganization, type AppDeps } from "@frontdesk/core";
import type { CliIo } from "../cli-io";
import { parseFlags, requireFlags } from "../parse-flags";

export const apiKeysCreateUsage = `frontdesk api-keys create --org <organization id or slug> [--name <label>] [--json]

  Creates an API key for the organization and prints it (it is shown only once).`;

export function parseApiKeysCreateArgs(args: string[]) {
  const values = parseFlags(args, {
    org: { type: "string" },
    name: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const { org } = requireFlags(values, ["org"] as const);
  return { org, name: values.name ?? "Created by CLI", json: values.json === true };
}

export async function apiKeysCreate(deps: AppDeps, args: ReturnType<typeof parseApiKeysCreateArgs>, io: CliIo): Promise<void> {
  const organization = await resolveOrganization(deps, args.org);
  const key = await createApiKey({ ...deps, organizationId: organization.id, actor: { type: "system" } }, { name: args.name });
  if (args.json) {
    io.out(JSON.stringify({ organizationId: organization.id, id: key.id, name: key.name, prefix: key.prefix, apiKey: key.key }));
    return;
  }
  io.err(`Created API key "${key.name}" (${key.prefix}…) for ${organization.name} (${organization.slug}). It is shown only once:`);
  io.out(key.key);
}
