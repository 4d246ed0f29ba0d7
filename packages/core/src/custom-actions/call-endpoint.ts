import { randomUUID } from "node:crypto";
import { assertPublicDestination, publicOnlyFetch, webhookHeaders } from "@frontdesk/integrations";
import type { InvokableCustomAction } from "./load-for-invoke";

const MAX_RESPONSE_CHARS = 64 * 1024;

export interface EndpointOutcome {
  ok: boolean;
  status: number | null;
  durationMs: number;
  response: unknown;
  error?: string;
}

/**
 * One HTTP call of a custom action: JSON body (query string for GET/DELETE), auth header or HMAC signature,
 * the action's timeout, no redirects, and the SSRF guard unless private networks are allowed. Never throws for
 * what the endpoint (or the network) did: that is an outcome the caller records.
 */
export async function callActionEndpoint(
  action: InvokableCustomAction,
  args: Record<string, unknown>,
  options: { allowPrivateNetworks: boolean },
): Promise<EndpointOutcome> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  try {
    const url = new URL(action.url);
    if (!options.allowPrivateNetworks) await assertPublicDestination(url.hostname, "custom_action");
    const hasBody = action.method !== "GET" && action.method !== "DELETE";
    if (!hasBody) for (const [key, value] of Object.entries(args)) url.searchParams.set(key, typeof value === "string" ? value : JSON.stringify(value));
    const body = hasBody ? JSON.stringify(args) : "";
    const headers: Record<string, string> = { accept: "application/json, text/plain;q=0.9, */*;q=0.5" };
    if (hasBody) headers["content-type"] = "application/json";
    if (action.auth.type === "header") headers[action.auth.header] = action.auth.secret;
    if (action.auth.type === "hmac") {
      Object.assign(headers, webhookHeaders({ secret: action.auth.secret, body, event: `action.${action.name}`, deliveryId: randomUUID() }));
      if (!hasBody) delete headers["Content-Type"];
    }
    // Checked again at connect time (DNS rebinding) unless private networks are allowed.
    const send = options.allowPrivateNetworks ? fetch : publicOnlyFetch("custom_action");
    const response = await send(url, {
      method: action.method,
      headers,
      ...(hasBody ? { body } : {}),
      redirect: "manual",
      signal: AbortSignal.timeout(action.timeoutMs),
    });
    const text = await response.text();
    const parsed = parseBody(text, response.headers.get("content-type"));
    return {
      ok: response.ok,
      status: response.status,
      durationMs: elapsed(),
      response: parsed,
      ...(response.ok ? {} : { error: `The endpoint answered ${response.status}` }),
    };
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
    const blocked = cause?.code === "blocked_destination" ? cause.message : undefined;
    const message = timedOut ? `The endpoint did not answer within ${action.timeoutMs} ms` : (blocked ?? (error as Error).message);
    return { ok: false, status: null, durationMs: elapsed(), response: null, error: message };
  }
}

function parseBody(text: string, contentType: string | null): unknown {
  if (text === "") return null;
  if (contentType?.includes("json")) {
    try {
      return JSON.parse(text.length > MAX_RESPONSE_CHARS ? "" : text);
    } catch {
      // Falls through to text.
    }
  }
  return text.length > MAX_RESPONSE_CHARS ? `${text.slice(0, MAX_RESPONSE_CHARS)}…` : text;
}
