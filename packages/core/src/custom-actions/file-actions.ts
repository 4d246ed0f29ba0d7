import { readdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import type { AppConfig } from "@frontdesk/config";
import { z } from "zod";
import type { ServiceContext } from "../context";
import { createCustomActionInput } from "./schemas";
import { compileParameters } from "./validate-arguments";

/**
 * A file action is the operator's, not a tenant's: it reaches only the organizations the file names (ids or
 * slugs), or every organization with "*". Without the field it reaches none, so a new file never lands in every
 * tenant's tool list by accident.
 */
const fileActionSchema = createCustomActionInput.extend({
  organizations: z.union([z.literal("*"), z.array(z.string().trim().min(1)).max(10_000)]).default([]),
});

/** A custom action defined in a JSON file of FRONTDESK_ACTIONS_DIR (read-only, enabled per organization). */
export interface FileCustomAction extends z.output<typeof fileActionSchema> {
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
    const parsed = fileActionSchema.safeParse(substituteEnv(raw, env, file, []));
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

/** Whether the file lists this organization (by id or slug) or "*". */
function reaches(action: FileCustomAction, organization: { id: string; slug: string | null }): boolean {
  if (action.organizations === "*") return true;
  return action.organizations.some((entry) => entry === organization.id || entry === organization.slug);
}

/** The file actions the server operator enabled for ctx's organization; the others do not exist for it. */
export async function fileCustomActionsFor(ctx: ServiceContext): Promise<FileCustomAction[]> {
  const all = fileCustomActions(ctx.config);
  if (all.length === 0) return [];
  const needsSlug = all.some((action) => action.organizations !== "*" && action.organizations.length > 0);
  const slug = needsSlug
    ? ((await ctx.prisma.organization.findUnique({ where: { id: ctx.organizationId }, select: { slug: true } }))?.slug ?? null)
    : null;
  return all.filter((action) => reaches(action, { id: ctx.organizationId, slug }));
}
