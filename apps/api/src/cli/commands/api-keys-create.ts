import { apiKeyRoleSchema, createApiKey, resolveOrganization, type AppDeps } from "@frontdesk/core";
import type { CliIo } from "../cli-io";
import { parseFlags, requireFlags } from "../parse-flags";
import { UsageError } from "../usage-error";

export const apiKeysCreateUsage = `frontdesk api-keys create --org <organization id or slug> [--name <label>] [--role owner|admin|member] [--json]

  Creates an API key for the organization and prints it (it is shown only once). --role (default admin) is what
  the key may do, like a member's role: member keys read, chat and keep knowledge content current; admin keys
  also manage bots, knowledge bases, keys, integrations, actions and webhooks; owner keys may also issue owner keys.`;

export function parseApiKeysCreateArgs(args: string[]) {
  const values = parseFlags(args, {
    org: { type: "string" },
    name: { type: "string" },
    role: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const { org } = requireFlags(values, ["org"] as const);
  const role = apiKeyRoleSchema.safeParse(values.role ?? "admin");
  if (!role.success) throw new UsageError(`--role must be owner, admin or member (got "${values.role}")`);
  return { org, name: values.name ?? "Created by CLI", role: role.data, json: values.json === true };
}

export async function apiKeysCreate(deps: AppDeps, args: ReturnType<typeof parseApiKeysCreateArgs>, io: CliIo): Promise<void> {
  const organization = await resolveOrganization(deps, args.org);
  const key = await createApiKey({ ...deps, organizationId: organization.id, actor: { type: "system" } }, { name: args.name, role: args.role });
  if (args.json) {
    io.out(JSON.stringify({ organizationId: organization.id, id: key.id, name: key.name, prefix: key.prefix, role: key.role, apiKey: key.key }));
    return;
  }
  io.err(`Created ${key.role} API key "${key.name}" (${key.prefix}…) for ${organization.name} (${organization.slug}). It is shown only once:`);
  io.out(key.key);
}
