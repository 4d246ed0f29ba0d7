import { z } from "zod";

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === "" ? undefined : value.trim()));

const port = (fallback: number) => z.coerce.number().int().min(0).max(65535).default(fallback);

/** Every setting Frontdesk reads from the environment; documented in the README configuration table. */
export const configSchema = z.object({
  PORT: port(3000),
  ADMIN_PORT: port(3001),
  HOST: z.string().default("127.0.0.1"),
  /** PostgreSQL URL; unset means embedded PGlite in FRONTDESK_DATA_DIR/pglite. */
  DATABASE_URL: optionalString,
  FRONTDESK_DATA_DIR: z.string().default("./.data"),
  /** Public base URL of the API (used in embed snippets and links). Defaults to http://localhost:PORT. */
  PUBLIC_URL: optionalString,
  /** Base URL of the admin app. Defaults to http://localhost:ADMIN_PORT. */
  ADMIN_URL: optionalString,
  /** Secret for session signing; generated and kept in the data dir when unset. */
  BETTER_AUTH_SECRET: optionalString,
  UPLOAD_MAX_BYTES: z.coerce.number().int().positive().default(25 * 1024 * 1024),
  /** Ingestion runs at once (Inngest function concurrency and the in-process executor's limit). */
  INGEST_CONCURRENCY: z.coerce.number().int().min(1).max(100).default(2),
  /** Heap (MB) of each extraction worker thread; a file that needs more fails alone ("needs more than N MB of memory"). */
  EXTRACTION_MAX_HEAP_MB: z.coerce.number().int().min(16).default(512),
  /** Wall-clock limit (s) for reading one file or crawled page in the extraction worker. */
  EXTRACTION_TIMEOUT_SECONDS: z.coerce.number().positive().default(120),
  /** Most MB a compressed input (DOCX parts, gzipped sitemaps) may expand to. */
  EXTRACTION_MAX_EXPANDED_MB: z.coerce.number().positive().default(100),
  /** Extraction worker threads at most (files and pages beyond wait their turn). */
  EXTRACTION_WORKERS: z.coerce.number().int().min(1).max(32).default(2),
  /** Runs a document or crawl gets: one still unfinished after this many is failed at start instead of re-queued. */
  INGEST_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(3),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  /** openai | anthropic | google | ollama; unset picks the first provider with a key, else extractive answers. */
  LLM_PROVIDER: z.enum(["openai", "anthropic", "google", "ollama", "none"]).optional(),
  LLM_MODEL: optionalString,
  /** local (default, ships in npm) | openai | ollama | google */
  EMBEDDING_PROVIDER: z.enum(["local", "openai", "ollama", "google"]).default("local"),
  EMBEDDING_MODEL: optionalString,
  /** Threads running the local embedding model at most (a second starts only for long ingestion runs); default 2 from 4 cores, else 1. */
  LOCAL_EMBEDDING_THREADS: z.coerce.number().int().min(1).max(8).optional(),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: optionalString,
  ANTHROPIC_API_KEY: optionalString,
  GOOGLE_API_KEY: optionalString,
  OLLAMA_BASE_URL: optionalString,

  /** With INNGEST_EVENT_KEY (cloud) or INNGEST_BASE_URL (self-hosted) set, jobs go to Inngest; else in-process. */
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optionalString,
  INNGEST_DEV: optionalString,

  /** "k1:<base64 32 bytes>[,k0:…]": first key encrypts stored integration secrets; generated into the data dir when unset. */
  INTEGRATIONS_ENCRYPTION_KEYS: optionalString,
  /** Lets owner-entered URLs (custom actions, webhooks, SMTP) reach loopback/private networks; self-hosters and tests. */
  ALLOW_PRIVATE_NETWORK_FETCH: z.stringbool().default(false),
  /** Custom action JSON files loaded (read-only) at start. */
  FRONTDESK_ACTIONS_DIR: z.string().default("./config/actions"),
  /** Provider API origins to use instead of the SaaS defaults, e.g. "calcom=https://cal.internal,hubspot=http://127.0.0.1:4010". */
  INTEGRATION_BASE_URLS: optionalString,
  /** When the daily summary email goes out (cron, UTC), reporting on the day before. */
  DAILY_SUMMARY_CRON: z.string().trim().min(9).default("TZ=UTC 0 7 * * *"),
  /** When each bot's weekly prompt suggestions are made (cron, UTC), from the 7 days before. */
  PROMPT_SUGGESTIONS_CRON: z.string().trim().min(9).default("TZ=UTC 0 6 * * 1"),
  /** Days granular records are kept (voice call events, tool call logs, webhook delivery attempts); a nightly job deletes older ones. */
  RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  /** Widget messages (chat, lead form) one visitor may send per minute; 0 turns the limit off. */
  WIDGET_RATE_LIMIT_PER_MINUTE_VISITOR: z.coerce.number().int().min(0).default(20),
  /** Widget messages one client IP may send per minute (all visitors behind it); 0 turns the limit off. */
  WIDGET_RATE_LIMIT_PER_MINUTE_IP: z.coerce.number().int().min(0).default(60),
  /** Sign-in, sign-up and password requests one client IP may make per minute, in every NODE_ENV; 0 turns the limit off. */
  AUTH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  /**
   * Proxies in front of the API whose X-Forwarded-For is believed: a hop count ("1") or a comma list of proxy
   * addresses/CIDRs (also loopback, linklocal, uniquelocal). Unset: directly exposed, the header is ignored.
   */
  TRUST_PROXY: optionalString,
  /** Redis for state shared by API replicas (widget and auth rate limits); unset keeps it in each process's memory. */
  REDIS_URL: optionalString,
  /** Prefix of every Redis key Frontdesk writes, so several deployments can share one Redis. */
  REDIS_KEY_PREFIX: z.string().default("frontdesk:"),
  /** Largest JSON body of REST (/api/v1) and tRPC requests, bulk FAQ imports included; uploads have UPLOAD_MAX_BYTES. */
  JSON_BODY_MAX_BYTES: z.coerce.number().int().positive().default(10 * 1024 * 1024),
  /** Largest body of the public widget routes (a 4000-character message and the visitor's details fit easily). */
  WIDGET_BODY_MAX_BYTES: z.coerce.number().int().positive().default(16 * 1024),
  /** Largest body of the auth routes (/api/auth/*: sign-in, sign-up, passwords). */
  AUTH_BODY_MAX_BYTES: z.coerce.number().int().positive().default(8 * 1024),
});

export type AppConfig = z.infer<typeof configSchema> & { publicUrl: string; adminUrl: string };

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
  const parsed = configSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
    throw new Error(`Invalid configuration:\n  ${problems.join("\n  ")}`);
  }
  const config = parsed.data;
  return {
    ...config,
    publicUrl: (config.PUBLIC_URL ?? `http://localhost:${config.PORT}`).replace(/\/$/, ""),
    adminUrl: (config.ADMIN_URL ?? `http://localhost:${config.ADMIN_PORT}`).replace(/\/$/, ""),
  };
}
