import { AppError } from "@frontdesk/core";
import type { CliIo } from "./cli-io";
import { apiKeysCreate, apiKeysCreateUsage, parseApiKeysCreateArgs } from "./commands/api-keys-create";
import { parseSecretsReencryptArgs, secretsReencrypt, secretsReencryptUsage } from "./commands/secrets-reencrypt";
import { parseSetupArgs, setup, setupUsage } from "./commands/setup";
import type { CliDeps } from "./open-cli-deps";
import { UsageError } from "./usage-error";

const indent = (text: string) => text.replace(/^(?=.)/gm, "  ");

export const usage = `Usage: npm run frontdesk -- <command> [options]

Commands:
${indent(setupUsage)}

${indent(apiKeysCreateUsage)}

${indent(secretsReencryptUsage)}

Environment: DATABASE_URL (else embedded PGlite in FRONTDESK_DATA_DIR), see the README configuration table.`;

type Command = (cli: CliDeps, io: CliIo) => Promise<void>;

/** Parses arguments first (so usage errors never open the database), then runs the command. */
function resolveCommand(argv: string[]): Command | "help" {
  const [name, ...rest] = argv;
  if (name === undefined || name === "help" || name === "--help" || name === "-h") return "help";
  if (name === "setup") {
    const args = parseSetupArgs(rest);
    return ({ deps }, io) => setup(deps, args, io);
  }
  if (name === "api-keys" && rest[0] === "create") {
    const args = parseApiKeysCreateArgs(rest.slice(1));
    return ({ deps }, io) => apiKeysCreate(deps, args, io);
  }
  if (name === "secrets" && rest[0] === "reencrypt") {
    const args = parseSecretsReencryptArgs(rest.slice(1));
    return ({ deps }, io) => secretsReencrypt(deps, args, io);
  }
  throw new UsageError(`unknown command: ${argv.slice(0, name === "api-keys" || name === "secrets" ? 2 : 1).join(" ")}`);
}

/** Runs one command and returns the process exit code: 0 ok, 1 failed, 2 bad usage. */
export async function runCli(argv: string[], io: CliIo, open: (env: CliIo["env"]) => Promise<CliDeps> = openDefault): Promise<number> {
  let command: Command | "help";
  try {
    command = resolveCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`error: ${error.message}\n\n${usage}`);
    return 2;
  }
  if (command === "help") {
    io.err(usage);
    return 0;
  }

  let cli: CliDeps | undefined;
  try {
    cli = await open(io.env);
    await command(cli, io);
    return 0;
  } catch (error) {
    io.err(describeError(error));
    return 1;
  } finally {
    await cli?.close();
  }
}

// Loaded lazily so `--help` and usage errors answer without loading the database and model packages.
const openDefault = async (env: CliIo["env"]) => (await import("./open-cli-deps")).openCliDeps(env);

function describeError(error: unknown): string {
  if (error instanceof AppError) {
    const fields = error.fields.map((field) => `\n  ${field.field}: ${field.message}`).join("");
    return `error: ${error.message}${fields}`;
  }
  return `error: ${error instanceof Error ? error.message : String(error)}`;
}
