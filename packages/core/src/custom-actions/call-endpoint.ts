import { randomUUID } from "node:crypto";
import { assertPublicDestination, publicOnlyFetch, readCappedText, webhookHeaders } from "@frontdesk/integrations";
import type { InvokableCustomAction } from "./load-for-invoke";

/** What is kept of an endpoint's answer (and all that is read of it: the rest of a bigger body is never read). */
const MAX_RESPONSE_BYTES = 64 * 1024;

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
    const { text, truncated } = await readCappedText(response, MAX_RESPONSE_BYTES);
    const parsed = parseBody(text, truncated, response.headers.get("content-type"));
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

/** JSON when it is complete JSON; otherwise the text, marked with "…" when the body was cut at the cap. */
function parseBody(text: string, truncated: boolean, contentType: string | null): unknown {
  if (truncated) return `${text}…`;
  if (text === "") return null;
  if (contentType?.includes("json")) {
    try {
      return JSON.parse(text);
    } catch {
      // Falls through to text.
    }
  }
  return text;
}
