import { parseArgs, type ParseArgsConfig } from "node:util";
import { UsageError } from "./usage-error";

type Options = NonNullable<ParseArgsConfig["options"]>;

/** node:util parseArgs with unknown flags and stray arguments reported as usage errors. */
export function parseFlags<T extends Options>(args: string[], options: T) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/** Required string flags, all missing ones named at once. */
export function requireFlags<K extends string>(values: Partial<Record<K, unknown>>, names: readonly K[]): Record<K, string> {
  const missing = names.filter((name) => typeof values[name] !== "string" || (values[name] as string).trim() === "");
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((name) => `--${name}`).join(", ")}`);
  return Object.fromEntries(names.map((name) => [name, values[name] as string])) as Record<K, string>;
}
