import type { AppDeps } from "@frontdesk/core";
import { loadConfig } from "@frontdesk/config";
import pino from "pino";
import { buildDeps } from "../deps";

export interface CliDeps {
  deps: AppDeps;
  close(): Promise<void>;
}

/**
 * The server's own dependencies (DATABASE_URL, or embedded PGlite in FRONTDESK_DATA_DIR — which one process at a
 * time may open, so a running server makes this fail with the db package's clear error), logging to stderr.
 */
export async function openCliDeps(env: Record<string, string | undefined>): Promise<CliDeps> {
  const config = loadConfig({ LOG_LEVEL: "warn", ...env });
  const logger = pino({ level: config.LOG_LEVEL, base: undefined }, pino.destination(2));
  const deps = await buildDeps(config, { logger });
  return { deps, close: () => deps.close() };
}
