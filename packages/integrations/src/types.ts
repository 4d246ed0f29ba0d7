import type { ResolveHost } from "./net/assert-public-destination";
import type { z } from "zod";

/** Per-call runtime knobs. Only `baseUrl` differs between production and tests (fakes on 127.0.0.1). */
export interface IntegrationContext {
  /** Overrides the provider's API origin, e.g. "http://127.0.0.1:4010". */
  baseUrl?: string;
  signal?: AbortSignal;
  /** Let owner-entered destinations (webhook URL, SMTP host) resolve to loopback/private addresses. */
  allowPrivateNetworks?: boolean;
  /** DNS resolver the SSRF guard uses (default: the system's); tests inject one that rebinds. */
  resolveHost?: ResolveHost;
  /** Per-request deadline for provider calls (default 15 s); exceeding it throws IntegrationError code "timeout". */
  timeoutMs?: number;
}

export interface ActionContext<Config> extends IntegrationContext {
  config: Config;
}

/** One LLM-callable tool. `input` is rendered to JSON Schema for the model's tool definition. */
export interface ActionDefinition<Config = unknown, Input = unknown, Output = unknown> {
  /** snake_case, unique within the integration, e.g. "upsert_contact". */
  name: string;
  description: string;
  input: z.ZodType<Input>;
  execute(input: Input, ctx: ActionContext<Config>): Promise<Output>;
}

export type ConnectionTestResult = { ok: true; detail?: string } | { ok: false; error: string; status?: number };

/** Everything Frontdesk knows about one integration type; one folder under src/ per provider. */
export interface IntegrationDefinition<Config = unknown> {
  /** Stable id used in URLs and storage, e.g. "hubspot". */
  id: string;
  name: string;
  description: string;
  /** Validates the owner's settings; rendered as a form in the admin. Secret fields carry `writeOnly: true`. */
  configSchema: z.ZodType<Config>;
  /** Throws IntegrationError when the provider refuses; the registry turns that into `{ ok: false }`. */
  testConnection(config: Config, ctx: IntegrationContext): Promise<ConnectionTestResult>;
  actions: ActionDefinition<Config>[];
  /** Optional periodic job (e.g. HubSpot re-creates missing custom properties); safe to run repeatedly. */
  sync?(config: Config, ctx: IntegrationContext): Promise<void>;
}

export type JsonSchema = Record<string, unknown>;

export interface ActionDescriptor {
  name: string;
  description: string;
  inputJsonSchema: JsonSchema;
}

export interface IntegrationTypeDescriptor {
  id: string;
  name: string;
  description: string;
  configJsonSchema: JsonSchema;
  actions: ActionDescriptor[];
}
