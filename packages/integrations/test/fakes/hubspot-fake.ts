import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer } from "./http";

interface Contact {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
}

const knownProperties = new Set(["email", "firstname", "lastname", "phone", "mobilephone", "company", "website", "jobtitle", "lifecyclestage", "hs_lead_status", "message"]);
const defaultReturned = ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"];

/**
 * HubSpot CRM v3 contacts subset with HubSpot's error envelope: Bearer auth (401), scopes (403), property
 * validation (400), duplicate email (409 "Contact already exists. Existing ID: N"), 404, and 429 + Retry-After.
 */
export async function startHubspotFake(opts: { tokens: Record<string, "read" | "write"> }) {
  const contacts = new Map<string, Contact>();
  const state = { rateLimitNext: 0, nextId: 101, requests: [] as string[] };
  const error = (res: ServerResponse, status: number, category: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    sendJson(res, status, { status: "error", message, correlationId: randomUUID(), category, ...extra }, headers);
  const byEmail = (email: string) => [...contacts.values()].find((c) => c.properties.email?.toLowerCase() === email.toLowerCase());
  const view = (c: Contact, props?: string[]) => ({
    id: c.id,
    properties: Object.fromEntries((props ?? defaultReturned).map((p) => [p, allProps(c)[p] ?? null])),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    archived: false,
  });
  const allProps = (c: Contact): Record<string, string> => ({ ...c.properties, createdate: c.createdAt, lastmodifieddate: c.updatedAt, hs_object_id: c.id });

  /** Writes HubSpot's 400 and returns false when the property map would be rejected. */
  function validate(res: ServerResponse, properties: unknown): properties is Record<string, string> {
    if (!properties || typeof properties !== "object" || Array.isArray(properties)) {
      error(res, 400, "VALIDATION_ERROR", "Invalid input JSON on line 1: 'properties' is required");
      return false;
    }
    for (const [name, value] of Object.entries(properties)) {
      if (!knownProperties.has(name)) {
        error(res, 400, "VALIDATION_ERROR", `Property values were not valid: [{"isValid":false,"message":"Property \\"${name}\\" does not exist","error":"PROPERTY_DOESNT_EXIST","name":"${name}"}]`);
        return false;
      }
      if (typeof value !== "string") {
        error(res, 400, "VALIDATION_ERROR", `Property values were not valid: [{"isValid":false,"message":"${name} must be a string","error":"INVALID_STRING","name":"${name}"}]`);
        return false;
      }
      if (name === "email" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) {
        error(res, 400, "VALIDATION_ERROR", `Property values were not valid: [{"isValid":false,"message":"Email address ${value} is invalid","error":"INVALID_EMAIL","name":"email"}]`);
        return false;
      }
    }
    return true;
  }

  const server = await startServer((req, raw, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    state.requests.push(`${req.method} ${url.pathname}`);
    const auth = req.headers.authorization;
    if (!auth?.startsWith("Bearer ")) {
      return error(res, 401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
    }
    const scope = opts.tokens[auth.slice(7)];
    if (!scope) return error(res, 401, "INVALID_AUTHENTICATION", "Authentication credentials not valid");
    const writes = req.method !== "GET" && url.pathname !== "/crm/v3/objects/contacts/search";
    if (writes && scope !== "write") {
      return error(res, 403, "MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call.", { errors: [{ message: "One or more of the following scopes are required.", context: { requiredGranularScopes: ["crm.objects.contacts.write"] } }] });
    }
    if (state.rateLimitNext > 0) {
      state.rateLimitNext -= 1;
      return sendJson(res, 429, { status: "error", message: "You have reached your secondly limit.", errorType: "RATE_LIMIT", correlationId: randomUUID(), policyName: "SECONDLY" }, { "Retry-After": "2" });
    }
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return error(res, 400, "VALIDATION_ERROR", "Invalid input JSON on line 1");
      }
    }

    if (url.pathname === "/crm/v3/objects/contacts" && req.method === "GET") {
      const limit = Number(url.searchParams.get("limit") ?? 10);
      return sendJson(res, 200, { results: [...contacts.values()].slice(0, limit).map((c) => view(c)) });
    }
    if (url.pathname === "/crm/v3/objects/contacts" && req.method === "POST") {
      if (!validate(res, body.properties)) return;
      const email = body.properties.email;
      const existing = email ? byEmail(email) : undefined;
      if (existing) return error(res, 409, "CONFLICT", `Contact already exists. Existing ID: ${existing.id}`);
      const now = new Date().toISOString();
      const contact: Contact = { id: String(state.nextId++), properties: { ...body.properties }, createdAt: now, updatedAt: now };
      contacts.set(contact.id, contact);
      return sendJson(res, 201, view(contact, [...defaultReturned, ...Object.keys(body.properties)]));
    }
    const one = url.pathname.match(/^\/crm\/v3\/objects\/contacts\/(\d+)$/);
    if (one && req.method === "PATCH") {
      const contact = contacts.get(one[1] ?? "");
      if (!contact) return error(res, 404, "OBJECT_NOT_FOUND", "resource not found");
      if (!validate(res, body.properties)) return;
      const email = body.properties.email;
      const clash = email ? byEmail(email) : undefined;
      if (clash && clash.id !== contact.id) return error(res, 409, "CONFLICT", `Contact already exists. Existing ID: ${clash.id}`);
      Object.assign(contact.properties, body.properties);
      contact.updatedAt = new Date().toISOString();
      return sendJson(res, 200, view(contact, [...defaultReturned, ...Object.keys(body.properties)]));
    }
    if (url.pathname === "/crm/v3/objects/contacts/search" && req.method === "POST") {
      const groups = body.filterGroups;
      if (!Array.isArray(groups)) return error(res, 400, "VALIDATION_ERROR", "filterGroups must be an array");
      const limit = typeof body.limit === "number" ? body.limit : 10;
      if (limit > 200) return error(res, 400, "VALIDATION_ERROR", "limit must be at most 200");
      const matches = [...contacts.values()].filter(
        (c) =>
          groups.length === 0 ||
          groups.some((g: { filters?: { propertyName?: string; operator?: string; value?: string }[] }) =>
            (g.filters ?? []).every((f) => {
              if (f.operator !== "EQ") throw new Error(`fake supports EQ only, got ${f.operator}`);
              return (allProps(c)[f.propertyName ?? ""] ?? "").toLowerCase() === String(f.value).toLowerCase();
            }),
          ),
      );
      const props = Array.isArray(body.properties) && body.properties.length > 0 ? (body.properties as string[]) : undefined;
      return sendJson(res, 200, { total: matches.length, results: matches.slice(0, limit).map((c) => view(c, props)) });
    }
    return error(res, 404, "OBJECT_NOT_FOUND", `No route ${req.method} ${url.pathname}`);
  });
  return { ...server, contacts, state };
}
