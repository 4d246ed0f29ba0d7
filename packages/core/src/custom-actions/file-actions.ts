import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { AppConfig } from "@frontdesk/config";
import { createCustomActionInput } from "./schemas";
import { compileParameters } from "./validate-arguments";
import type { z } from "zod";

/** A custom action defined in a JSON file of FRONTDESK_ACTIONS_DIR (deployment-wide, read-only). */
export interface FileCustomAction extends z.output<typeof createCustomActionInput> {
  /** File name inside the actions dir. */
  file: string;
}

/** Start-up failure naming the file and the field, e.g. "create_trello_card.json: endpoint.url: must be an http(s) URL". */
export class ActionFileError extends Error {
  constructor(
    readonly file: string,
    readonly field: string,
    problem: string,
  ) {
    super(`Invalid custom action file ${file}: ${field}: ${problem}`);
    this.name = "ActionFileError";
  }
}

const cache = new Map<string, FileCustomAction[]>();

/** The file actions of this deployment, read once per directory (buildDeps loads them at start to fail fast). */
export function fileCustomActions(config: Pick<AppConfig, "FRONTDESK_ACTIONS_DIR">): FileCustomAction[] {
  const dir = resolve(config.FRONTDESK_ACTIONS_DIR);
  let actions = cache.get(dir);
  if (!actions) {
    actions = loadActionFiles(dir);
    cache.set(dir, actions);
  }
  return actions;
}

/**
 * Reads every *.json in `dir` (a missing dir means none). Strings may use `${VAR}` or `${VAR:-fallback}` from `env`,
 * so hook URLs and secrets stay out of the repository. Throws ActionFileError on the first bad file.
 */
export function loadActionFiles(dir: string, env: Record<string, string | undefined> = process.env): FileCustomAction[] {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith(".json")).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const seen = new Map<string, string>();
  return names.map((file) => {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(join(dir, file), "utf8"));
    } catch (error) {
      throw new ActionFileError(file, "(file)", `not valid JSON: ${(error as Error).message}`);
    }
    const parsed = createCustomActionInput.safeParse(substituteEnv(raw, env, file, []));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new ActionFileError(file, issue?.path.join(".") || "(root)", issue?.message ?? "invalid");
    }
    try {
      compileParameters(parsed.data.parameters);
    } catch (error) {
      throw new ActionFileError(file, "parameters", (error as Error).message);
    }
    const previous = seen.get(parsed.data.name);
    if (previous) throw new ActionFileError(file, "name", `"${parsed.data.name}" is already defined in ${previous}`);
    seen.set(parsed.data.name, file);
    return { ...parsed.data, file };
  });
}

function substituteEnv(value: unknown, env: Record<string, string | undefined>, file: string, path: string[]): unknown {
  if (typeof value === "string") {
    return value.replace(/\$\{([A-Z0-9_]+)(?::-([^}]*))?\}/g, (_match, name: string, fallback: string | undefined) => {
      const found = env[name];
      if (found !== undefined && found !== "") return found;
      if (fallback !== undefined) return fallback;
      throw new ActionFileError(file, path.join(".") || "(root)", `environment variable ${name} is not set (or use \${${name}:-fallback})`);
    });
  }
  if (Array.isArray(value)) return value.map((item, index) => substituteEnv(item, env, file, [...path, String(index)]));
  // The parameters JSON Schema is taken literally: "${…}" there is the owner's text, not configuration.
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([key, item]) => [key, path.length === 0 && key === "parameters" ? item : substituteEnv(item, env, file, [...path, key])]),
    );
  }
  return value;
}
