import { Connection } from "jsforce";
import { IntegrationError } from "../errors";
import { DEFAULT_TIMEOUT_MS } from "../retry";
import type { IntegrationContext } from "../types";
import type { SalesforceConfig } from "./config";

export const SALESFORCE_API_VERSION = "62.0";

/** Salesforce's own domains (My Domain, sandboxes, Government Cloud, China); anything else could be an SSRF target. */
const SALESFORCE_HOST = /(^|\.)(salesforce\.com|force\.com|salesforce\.mil|cloudforce\.com|database\.com|sfcrmproducts\.cn|salesforce-setup\.com)$/i;

/**
 * The login and instance URLs come from the owner's form (and the instance URL from Salesforce's login answer), so
 * they must be Salesforce's https hosts unless the deployment opted into private destinations (self-hosted fakes,
 * tests). A deployment-level base URL override (INTEGRATION_BASE_URLS) is trusted as is.
 */
export function assertSalesforceUrl(url: string, ctx: IntegrationContext): void {
  if (ctx.allowPrivateNetworks || ctx.baseUrl) return;
  const parsed = new URL(url);
  if (parsed.protocol !== "https:" || !SALESFORCE_HOST.test(parsed.hostname)) {
    throw new IntegrationError({ provider: "salesforce", code: "blocked_destination", message: `${parsed.host} is not a Salesforce address (https://…salesforce.com or …force.com)` });
  }
}

/** A logged-in jsforce connection: the token as given, or a fresh session from a username-password login. */
export async function connectSalesforce(config: SalesforceConfig, ctx: IntegrationContext): Promise<Connection> {
  const loginUrl = ctx.baseUrl ?? config.loginUrl;
  assertSalesforceUrl(loginUrl, ctx);
  if (config.accessToken && config.instanceUrl) {
    const instanceUrl = ctx.baseUrl ?? config.instanceUrl;
    assertSalesforceUrl(instanceUrl, ctx);
    return new Connection({ instanceUrl, accessToken: config.accessToken, loginUrl, version: SALESFORCE_API_VERSION });
  }
  const oauth2 = config.clientId && config.clientSecret ? { clientId: config.clientId, clientSecret: config.clientSecret, loginUrl } : undefined;
  const connection = new Connection({ loginUrl, version: SALESFORCE_API_VERSION, ...(oauth2 ? { oauth2 } : {}) });
  await withDeadline(connection.login(config.username ?? "", `${config.password ?? ""}${config.securityToken ?? ""}`), ctx).catch(toSalesforceError);
  assertSalesforceUrl(connection.instanceUrl, ctx);
  return connection;
}

/** jsforce has no per-call timeout or AbortSignal; the caller stops waiting at the deadline (the job retries). */
export function withDeadline<T>(promise: Promise<T>, ctx: IntegrationContext): Promise<T> {
  const ms = ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new IntegrationError({ provider: "salesforce", code: "timeout", message: `Salesforce did not answer within ${ms} ms` })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Salesforce errorCode → the HTTP status it comes with, so the job queue knows what another try can fix. */
function statusForErrorCode(code: string): number {
  const http = /^ERROR_HTTP_(\d{3})$/.exec(code);
  if (http?.[1]) return Number(http[1]);
  if (["INVALID_SESSION_ID", "INVALID_AUTH_HEADER", "INVALID_LOGIN", "invalid_grant", "invalid_client", "invalid_client_id", "unauthorized_client"].includes(code)) return 401;
  if (code === "REQUEST_LIMIT_EXCEEDED") return 429;
  if (code.startsWith("INSUFFICIENT_ACCESS") || code === "API_DISABLED_FOR_ORG" || code === "API_CURRENTLY_DISABLED") return 403;
  if (code === "NOT_FOUND" || code === "ENTITY_IS_DELETED") return 404;
  if (code === "SERVER_UNAVAILABLE" || code === "UNKNOWN_EXCEPTION") return 503;
  return 400;
}

/** jsforce errors (REST `[{message, errorCode, fields}]`, SOAP faults, OAuth errors, fetch failures) → IntegrationError. */
export function toSalesforceError(error: unknown): never {
  if (error instanceof IntegrationError) throw error;
  if (!(error instanceof Error)) throw error;
  const named = error as Error & { errorCode?: unknown; data?: unknown };
  // REST: HttpApiError carries errorCode; OAuth: the error name is the OAuth error; SOAP: "INVALID_LOGIN: …".
  const code =
    typeof named.errorCode === "string" ? named.errorCode : /^[a-z_]+$/.test(error.name) ? error.name : /^([A-Z_]{4,}):/.exec(error.message)?.[1];
  if (!code) throw new IntegrationError({ provider: "salesforce", message: `Salesforce request failed: ${error.message}` });
  const status = statusForErrorCode(code);
  const fields = (Array.isArray((named.data as { fields?: unknown } | undefined)?.fields) ? (named.data as { fields: string[] }).fields : []).join(", ");
  throw new IntegrationError({
    provider: "salesforce",
    status,
    message: `Salesforce ${code}: ${error.message}${fields ? ` (${fields})` : ""}`,
    ...(status === 429 ? { retryAfterSeconds: 60 } : {}),
  });
}
