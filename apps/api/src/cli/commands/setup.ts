import { createApiKey, setupOwner, type AppDeps } from "@frontdesk/core";
import type { CliIo } from "../cli-io";
import { parseFlags, requireFlags } from "../parse-flags";

export const setupUsage = `frontdesk setup --email <email> --password <password> --org <organization name> [--name <your name>] [--json]

  Creates the owner account, an organization with its default bot and knowledge base, and an API key.
  --json prints one JSON object {organizationId, apiKey, botId, botPublicKey, knowledgeBaseId} on stdout.`;

export function parseSetupArgs(args: string[]) {
  const values = parseFlags(args, {
    email: { type: "string" },
    password: { type: "string" },
    org: { type: "string" },
    name: { type: "string" },
    json: { type: "boolean", default: false },
  });
  const required = requireFlags(values, ["email", "password", "org"] as const);
  return { ...required, name: values.name, json: values.json === true };
}

export async function setup(deps: AppDeps, args: ReturnType<typeof parseSetupArgs>, io: CliIo): Promise<void> {
  const owner = await setupOwner(deps, {
    email: args.email,
    password: args.password,
    name: args.name,
    organizationName: args.org,
  });
  const apiKey = await createApiKey(
    { ...deps, organizationId: owner.organizationId, actor: { type: "user", userId: owner.userId, role: "owner" } },
    { name: "Created by setup" },
  );

  if (args.json) {
    io.out(
      JSON.stringify({
        organizationId: owner.organizationId,
        apiKey: apiKey.key,
        botId: owner.botId,
        botPublicKey: owner.botPublicKey,
        knowledgeBaseId: owner.knowledgeBaseId,
      }),
    );
    return;
  }
  const { adminUrl, publicUrl } = deps.config;
  io.out(`Frontdesk is set up.

  Organization    ${args.org} (slug ${owner.organizationSlug}, id ${owner.organizationId})
  Owner           ${args.email.toLowerCase()}
  Bot             ${owner.botId} (public widget key ${owner.botPublicKey})
  Knowledge base  ${owner.knowledgeBaseId}
  API key         ${apiKey.key}
                  (shown once: store it now; REST calls send "Authorization: Bearer <key>")

Sign in to the admin at ${adminUrl}; the API and widget are served from ${publicUrl}.`);
}
