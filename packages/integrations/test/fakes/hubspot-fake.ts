import { randomUUID } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer } from "./http";

interface CrmObject {
  id: string;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  associations: { toId: string; typeId: number }[];
}

interface PropertyDef {
  name: string;
  label: string;
  type: string;
  fieldType: string;
  groupName: string;
  options: { label: string; value: string }[];
}

const builtInContactProperties = ["email", "firstname", "lastname", "phone", "mobilephone", "company", "website", "jobtitle", "lifecyclestage", "hs_lead_status", "message"];
const defaultReturned = ["createdate", "email", "firstname", "hs_object_id", "lastmodifieddate", "lastname"];
const dealProperties = new Set(["dealname", "pipeline", "dealstage", "amount", "closedate", "hubspot_owner_id", "description"]);
const pipelines = [
  {
    id: "default",
    label: "Sales Pipeline",
    displayOrder: 0,
    stages: ["appointmentscheduled", "qualifiedtobuy", "presentationscheduled", "decisionmakerboughtin", "contractsent", "closedwon", "closedlost"].map((id, displayOrder) => ({
      id,
      label: id.replace(/([a-z])(scheduled|tobuy|boughtin|sent|won|lost)$/, "$1 $2"),
      displayOrder,
      archived: false,
      metadata: { probability: String(Math.min(1, displayOrder / 5)) },
      createdAt: "2024-01-01T00:00:00.000Z",
      updatedAt: "2024-01-01T00:00:00.000Z",
    })),
  },
];
/** HubSpot-defined association type ids the fake accepts: deal→contact, note→contact, note→deal. */
const associationTargets: Record<string, Record<number, "contact" | "deal">> = { deal: { 3: "contact" }, note: { 202: "contact", 214: "deal" } };

/**
 * HubSpot CRM v3 subset with HubSpot's error envelope: contacts (search/create/update, 409 duplicates), deals,
 * notes with associations, pipelines, contact properties and property groups. Bearer auth (401, expired tokens
 * answer EXPIRED_AUTHENTICATION), scopes (403), property validation (400), 404, 429 + Retry-After, and switches
 * for the failure tests: `serverErrorNext` (503s) and `hang` (accepts the request, never answers).
 */
export async function startHubspotFake(opts: { tokens: Record<string, "read" | "write" | "expired"> }) {
  const contacts = new Map<string, CrmObject>();
  const deals = new Map<string, CrmObject>();
  const notes = new Map<string, CrmObject>();
  const contactProperties = new Map<string, PropertyDef>(
    builtInContactProperties.map((name) => [name, { name, label: name, type: "string", fieldType: "text", groupName: "contactinformation", options: [] }]),
  );
  const propertyGroups = new Set(["contactinformation"]);
  const state = { rateLimitNext: 0, serverErrorNext: 0, hang: false, nextId: 101, requests: [] as string[] };
  const error = (res: ServerResponse, status: number, category: string, message: string, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    sendJson(res, status, { status: "error", message, correlationId: randomUUID(), category, ...extra }, headers);
  const byEmail = (email: string) => [...contacts.values()].find((c) => c.properties.email?.toLowerCase() === email.toLowerCase());
  const allProps = (c: CrmObject): Record<string, string> => ({ ...c.properties, createdate: c.createdAt, lastmodifieddate: c.updatedAt, hs_object_id: c.id });
  const view = (c: CrmObject, props?: string[]) => ({
    id: c.id,
    properties: Object.fromEntries((props ?? defaultReturned).map((p) => [p, allProps(c)[p] ?? null])),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
    archived: false,
  });
  const fullView = (c: CrmObject) => ({ id: c.id, properties: allProps(c), createdAt: c.createdAt, updatedAt: c.updatedAt, archived: false });
  const newObject = (properties: Record<string, string>, associations: CrmObject["associations"] = []): CrmObject => {
    const now = new Date().toISOString();
    return { id: String(state.nextId++), properties: { ...properties }, createdAt: now, updatedAt: now, associations };
  };
  const invalid = (res: ServerResponse, name: string, code: string, message: string) =>
    error(res, 400, "VALIDATION_ERROR", `Property values were not valid: [{"isValid":false,"message":${JSON.stringify(message)},"error":"${code}","name":"${name}"}]`);

  /** Writes HubSpot's 400 and returns false when the property map would be rejected. */
  function validate(res: ServerResponse, properties: unknown, known: (name: string) => PropertyDef | undefined): properties is Record<string, string> {
    if (!properties || typeof properties !== "object" || Array.isArray(properties)) {
      error(res, 400, "VALIDATION_ERROR", "Invalid input JSON on line 1: 'properties' is required");
      return false;
    }
    for (const [name, value] of Object.entries(properties)) {
      const def = known(name);
      if (!def) return invalid(res, name, "PROPERTY_DOESNT_EXIST", `Property "${name}" does not exist`), false;
      if (typeof value !== "string") return invalid(res, name, "INVALID_STRING", `${name} must be a string`), false;
      if (name === "email" && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(value)) return invalid(res, name, "INVALID_EMAIL", `Email address ${value} is invalid`), false;
      if (def.type === "number" && value !== "" && !Number.isFinite(Number(value))) return invalid(res, name, "INVALID_LONG", `${value} is not a valid number`), false;
      if (def.type === "enumeration" && value !== "" && !def.options.some((o) => o.value === value)) {
        return invalid(res, name, "INVALID_OPTION", `${value} was not one of the allowed options: [${def.options.map((o) => o.value).join(", ")}]`), false;
      }
    }
    return true;
  }
  const contactDef = (name: string) => contactProperties.get(name);
  const dealDef = (name: string): PropertyDef | undefined => (dealProperties.has(name) ? { name, label: name, type: name === "amount" ? "number" : "string", fieldType: "text", groupName: "dealinformation", options: [] } : undefined);

  /** HubSpot answers 400 "invalid associations" when a target does not exist or the type id does not fit. */
  function parseAssociations(res: ServerResponse, from: "deal" | "note", raw: unknown): CrmObject["associations"] | null {
    const list = Array.isArray(raw) ? (raw as { to?: { id?: string }; types?: { associationCategory?: string; associationTypeId?: number }[] }[]) : [];
    const out: CrmObject["associations"] = [];
    for (const a of list) {
      const type = a.types?.[0];
      const target = type?.associationCategory === "HUBSPOT_DEFINED" ? associationTargets[from]?.[type.associationTypeId ?? -1] : undefined;
      const exists = target === "contact" ? contacts.has(a.to?.id ?? "") : target === "deal" ? deals.has(a.to?.id ?? "") : false;
      if (!target || !exists) {
        error(res, 400, "VALIDATION_ERROR", `One or more associations are invalid: ${from} -> ${a.to?.id} (type ${type?.associationTypeId})`);
        return null;
      }
      out.push({ toId: a.to?.id ?? "", typeId: type?.associationTypeId ?? 0 });
    }
    return out;
  }

  const server = await startServer((req, raw, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    state.requests.push(`${req.method} ${path}`);
    if (state.hang) return; // never answers: the client's deadline must fire
    const auth = req.headers.authorization;
    if (!auth?.startsWith("Bearer ")) {
      return error(res, 401, "INVALID_AUTHENTICATION", "Authentication credentials not found. This API supports OAuth 2.0 authentication and you can find more details at https://developers.hubspot.com/docs/methods/auth/oauth-overview");
    }
    const scope = opts.tokens[auth.slice(7)];
    if (!scope) return error(res, 401, "INVALID_AUTHENTICATION", "Authentication credentials not valid");
    if (scope === "expired") {
      return error(res, 401, "EXPIRED_AUTHENTICATION", "The OAuth token used to make this call expired 2 hour(s) ago.", { context: { expiredAt: ["2026-11-22T02:00:00Z"] } });
    }
    const writes = req.method !== "GET" && !path.endsWith("/search");
    if (writes && scope !== "write") {
      return error(res, 403, "MISSING_SCOPES", "This app hasn't been granted all required scopes to make this call.", { errors: [{ message: "One or more of the following scopes are required.", context: { requiredGranularScopes: ["crm.objects.contacts.write"] } }] });
    }
    if (state.rateLimitNext > 0) {
      state.rateLimitNext -= 1;
      return sendJson(res, 429, { status: "error", message: "You have reached your secondly limit.", errorType: "RATE_LIMIT", correlationId: randomUUID(), policyName: "SECONDLY" }, { "Retry-After": "2" });
    }
    if (state.serverErrorNext > 0) {
      state.serverErrorNext -= 1;
      return error(res, 503, "SERVICE_UNAVAILABLE", "Service Unavailable");
    }
    let body: Record<string, unknown> = {};
    if (raw) {
      try {
        body = JSON.parse(raw) as Record<string, unknown>;
      } catch {
        return error(res, 400, "VALIDATION_ERROR", "Invalid input JSON on line 1");
      }
    }

    // Contacts
    if (path === "/crm/v3/objects/contacts" && req.method === "GET") {
      const limit = Number(url.searchParams.get("limit") ?? 10);
      return sendJson(res, 200, { results: [...contacts.values()].slice(0, limit).map((c) => view(c)) });
    }
    if (path === "/crm/v3/objects/contacts" && req.method === "POST") {
      if (!validate(res, body.properties, contactDef)) return;
      const email = body.properties.email;
      const existing = email ? byEmail(email) : undefined;
      if (existing) return error(res, 409, "CONFLICT", `Contact already exists. Existing ID: ${existing.id}`);
      const contact = newObject(body.properties);
      contacts.set(contact.id, contact);
      return sendJson(res, 201, view(contact, [...defaultReturned, ...Object.keys(body.properties)]));
    }
    const one = path.match(/^\/crm\/v3\/objects\/contacts\/(\d+)$/);
    if (one && req.method === "PATCH") {
      const contact = contacts.get(one[1] ?? "");
      if (!contact) return error(res, 404, "OBJECT_NOT_FOUND", "resource not found");
      if (!validate(res, body.properties, contactDef)) return;
      const email = body.properties.email;
      const clash = email ? byEmail(email) : undefined;
      if (clash && clash.id !== contact.id) return error(res, 409, "CONFLICT", `Contact already exists. Existing ID: ${clash.id}`);
      Object.assign(contact.properties, body.properties);
      contact.updatedAt = new Date().toISOString();
      return sendJson(res, 200, view(contact, [...defaultReturned, ...Object.keys(body.properties)]));
    }
    if (path === "/crm/v3/objects/contacts/search" && req.method === "POST") {
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

    // Deals
    if (path === "/crm/v3/objects/deals" && req.method === "POST") {
      if (!validate(res, body.properties, dealDef)) return;
      const props = body.properties;
      if (!props.dealname) return invalid(res, "dealname", "REQUIRED_PROPERTY", "dealname is required");
      const pipeline = pipelines.find((p) => p.id === (props.pipeline ?? "default"));
      if (!pipeline) return invalid(res, "pipeline", "INVALID_OPTION", `${props.pipeline} is not a valid pipeline`);
      if (props.dealstage && !pipeline.stages.some((s) => s.id === props.dealstage)) {
        return invalid(res, "dealstage", "INVALID_OPTION", `${props.dealstage} was not one of the allowed options for pipeline ${pipeline.id}`);
      }
      const associations = parseAssociations(res, "deal", body.associations);
      if (!associations) return;
      const deal = newObject({ pipeline: pipeline.id, dealstage: pipeline.stages[0]?.id ?? "", ...props }, associations);
      deals.set(deal.id, deal);
      return sendJson(res, 201, fullView(deal));
    }
    const dealMatch = path.match(/^\/crm\/v3\/objects\/deals\/(\d+)$/);
    if (dealMatch && req.method === "PATCH") {
      const deal = deals.get(dealMatch[1] ?? "");
      if (!deal) return error(res, 404, "OBJECT_NOT_FOUND", "resource not found");
      if (!validate(res, body.properties, dealDef)) return;
      const next = { ...deal.properties, ...body.properties };
      const pipeline = pipelines.find((p) => p.id === next.pipeline);
      if (!pipeline || !pipeline.stages.some((s) => s.id === next.dealstage)) {
        return invalid(res, "dealstage", "INVALID_OPTION", `${next.dealstage} was not one of the allowed options for pipeline ${next.pipeline}`);
      }
      deal.properties = next;
      deal.updatedAt = new Date().toISOString();
      return sendJson(res, 200, fullView(deal));
    }
    if (path === "/crm/v3/pipelines/deals" && req.method === "GET") {
      return sendJson(res, 200, { results: pipelines.map((p) => ({ ...p, archived: false, createdAt: "2024-01-01T00:00:00.000Z", updatedAt: "2024-01-01T00:00:00.000Z" })) });
    }

    // Notes
    if (path === "/crm/v3/objects/notes" && req.method === "POST") {
      const known = (name: string): PropertyDef | undefined =>
        ["hs_note_body", "hs_timestamp", "hubspot_owner_id", "hs_attachment_ids"].includes(name) ? { name, label: name, type: "string", fieldType: "text", groupName: "note", options: [] } : undefined;
      if (!validate(res, body.properties, known)) return;
      if (!body.properties.hs_timestamp || Number.isNaN(Date.parse(body.properties.hs_timestamp))) {
        return invalid(res, "hs_timestamp", "REQUIRED_PROPERTY", "hs_timestamp is required and must be a valid timestamp");
      }
      const associations = parseAssociations(res, "note", body.associations);
      if (!associations) return;
      const note = newObject(body.properties, associations);
      notes.set(note.id, note);
      return sendJson(res, 201, fullView(note));
    }

    // Contact properties and groups
    if (path === "/crm/v3/properties/contacts" && req.method === "GET") {
      return sendJson(res, 200, { results: [...contactProperties.values()].map((p) => ({ ...p, description: "", hidden: false, formField: false, displayOrder: -1, calculated: false, externalOptions: false, hasUniqueValue: false, modificationMetadata: { archivable: true, readOnlyDefinition: false, readOnlyValue: false } })) });
    }
    if (path === "/crm/v3/properties/contacts" && req.method === "POST") {
      const name = body.name;
      if (typeof name !== "string" || !/^[a-z][a-z0-9_]*$/.test(name)) return error(res, 400, "VALIDATION_ERROR", "Property name must be lower-case alphanumeric with underscores");
      for (const field of ["label", "type", "fieldType", "groupName"]) {
        if (typeof body[field] !== "string" || !body[field]) return error(res, 400, "VALIDATION_ERROR", `Invalid input JSON: '${field}' is required`);
      }
      if (!propertyGroups.has(String(body.groupName))) return error(res, 400, "VALIDATION_ERROR", `Property group ${String(body.groupName)} does not exist`);
      const options = Array.isArray(body.options) ? (body.options as { label: string; value: string }[]) : [];
      if (body.type === "enumeration" && options.length === 0) return error(res, 400, "VALIDATION_ERROR", "Enumeration properties need options");
      if (contactProperties.has(name)) return error(res, 409, "OBJECT_ALREADY_EXISTS", `Property named '${name}' already exists.`);
      const def: PropertyDef = { name, label: String(body.label), type: String(body.type), fieldType: String(body.fieldType), groupName: String(body.groupName), options };
      contactProperties.set(name, def);
      return sendJson(res, 201, { ...def, description: body.description ?? "", hidden: false, formField: false, displayOrder: -1, calculated: false, externalOptions: false, hasUniqueValue: false });
    }
    if (path === "/crm/v3/properties/contacts/groups" && req.method === "GET") {
      return sendJson(res, 200, { results: [...propertyGroups].map((name) => ({ name, label: name, displayOrder: 0, archived: false })) });
    }
    if (path === "/crm/v3/properties/contacts/groups" && req.method === "POST") {
      if (typeof body.name !== "string" || typeof body.label !== "string") return error(res, 400, "VALIDATION_ERROR", "name and label are required");
      if (propertyGroups.has(body.name)) return error(res, 409, "OBJECT_ALREADY_EXISTS", `Property group ${body.name} already exists`);
      propertyGroups.add(body.name);
      return sendJson(res, 201, { name: body.name, label: body.label, displayOrder: body.displayOrder ?? -1, archived: false });
    }
    return error(res, 404, "OBJECT_NOT_FOUND", `No route ${req.method} ${path}`);
  });
  return { ...server, contacts, deals, notes, contactProperties, propertyGroups, state };
}
