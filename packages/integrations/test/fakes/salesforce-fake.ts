import { randomBytes } from "node:crypto";
import type { ServerResponse } from "node:http";
import { sendJson, startServer } from "./http";

export interface SalesforceRecord {
  Id: string;
  type: string;
  fields: Record<string, unknown>;
  createdAt: number;
}

const prefixes: Record<string, string> = { Lead: "00Q", Contact: "003", Task: "00T" };
const standardFields: Record<string, string[]> = {
  Lead: ["Id", "FirstName", "LastName", "Company", "Email", "Phone", "Description", "Status", "IsConverted", "CreatedDate"],
  Contact: ["Id", "FirstName", "LastName", "Email", "Phone", "Description", "AccountId", "CreatedDate"],
  Task: ["Id", "WhoId", "WhatId", "Subject", "Description", "Status", "Priority", "ActivityDate", "CreatedDate"],
};
const requiredFields: Record<string, string[]> = { Lead: ["LastName", "Company"], Contact: ["LastName"], Task: [] };
const readOnly = new Set(["Id", "IsConverted", "CreatedDate"]);
const ORG_ID = "00D000000000001EAA";
/** A SOQL string literal as the integration writes it (soqlString), and its value. */
const LITERAL = String.raw`'(?:[^'\\]|\\.)*'`;
const unquote = (literal: string) => literal.slice(1, -1).replace(/\\(.)/g, (_, c: string) => ({ n: "\n", r: "\r", t: "\t" })[c] ?? c);
const USER_ID = "005000000000001AAA";

/**
 * Salesforce REST API subset as jsforce calls it: SOAP login (`/services/Soap/u/{v}`) and the OAuth
 * username-password grant (`/services/oauth2/token`), then `/services/data/v{v}/` query (the simple SOQL shape the
 * integration sends), sobject describe, create and update. It checks the bearer token (401 INVALID_SESSION_ID),
 * required fields (REQUIRED_FIELD_MISSING with `fields`), unknown fields (INVALID_FIELD), Task.WhoId references
 * (INVALID_CROSS_REFERENCE_KEY) and answers Salesforce's error shape `[{"message","errorCode","fields"}]`.
 * `failWrites.Task = 1` makes the next Task create/update answer 503 (per object type); `slowCreates.Task = 2000`
 * saves the next Task at once but answers its create 2 s later (a client that gave up retries a saved write).
 */
export async function startSalesforceFake(opts: {
  tokens?: string[];
  users?: Record<string, string>;
  client?: { id: string; secret: string };
  customFields?: Record<string, string[]>;
}) {
  const tokens = new Set(opts.tokens ?? []);
  const records = new Map<string, SalesforceRecord>();
  const state = { failWrites: {} as Record<string, number>, slowCreates: {} as Record<string, number>, requests: [] as string[], nextId: 1 };
  const fieldsOf = (type: string) => [...(standardFields[type] ?? []), ...(opts.customFields?.[type] ?? [])];
  const errors = (res: ServerResponse, status: number, errorCode: string, message: string, fields?: string[]) =>
    sendJson(res, status, [{ message, errorCode, ...(fields ? { fields } : {}) }]);
  const issueToken = () => {
    const token = `${ORG_ID.slice(0, 15)}!${randomBytes(24).toString("base64url")}`;
    tokens.add(token);
    return token;
  };
  const byType = (type: string) => [...records.values()].filter((r) => r.type === type);

  const server = await startServer(async (req, body, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    state.requests.push(`${req.method} ${url.pathname}`);
    const base = server.url;

    if (req.method === "POST" && /^\/services\/Soap\/u\/[\d.]+$/.test(url.pathname)) {
      const field = (name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(body)?.[1]?.replace(/&amp;/g, "&").replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'");
      const username = field("username");
      const password = field("password");
      if (!username || opts.users?.[username] !== password) {
        res.writeHead(500, { "content-type": "text/xml" });
        res.end(`<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><soapenv:Fault><faultcode>INVALID_LOGIN</faultcode><faultstring>INVALID_LOGIN: Invalid username, password, security token; or user locked out.</faultstring></soapenv:Fault></soapenv:Body></soapenv:Envelope>`);
        return;
      }
      res.writeHead(200, { "content-type": "text/xml" });
      res.end(`<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Body><loginResponse><result><metadataServerUrl>${base}/services/Soap/m/62.0/${ORG_ID}</metadataServerUrl><passwordExpired>false</passwordExpired><sandbox>false</sandbox><serverUrl>${base}/services/Soap/u/62.0/${ORG_ID}</serverUrl><sessionId>${issueToken()}</sessionId><userId>${USER_ID}</userId><userInfo><organizationId>${ORG_ID}</organizationId></userInfo><organizationId>${ORG_ID}</organizationId></result></loginResponse></soapenv:Body></soapenv:Envelope>`);
      return;
    }

    if (req.method === "POST" && url.pathname === "/services/oauth2/token") {
      const form = new URLSearchParams(body);
      if (form.get("grant_type") !== "password") return sendJson(res, 400, { error: "unsupported_grant_type", error_description: "grant type not supported" });
      if (!opts.client || form.get("client_id") !== opts.client.id || form.get("client_secret") !== opts.client.secret) {
        return sendJson(res, 400, { error: "invalid_client_id", error_description: "client identifier invalid" });
      }
      const username = form.get("username") ?? "";
      if (opts.users?.[username] !== form.get("password")) return sendJson(res, 400, { error: "invalid_grant", error_description: "authentication failure" });
      return sendJson(res, 200, { access_token: issueToken(), instance_url: base, id: `${base}/id/${ORG_ID}/${USER_ID}`, token_type: "Bearer", issued_at: String(Date.now()), signature: "fake" });
    }

    const api = /^\/services\/data\/v[\d.]+(\/.*)$/.exec(url.pathname)?.[1];
    if (!api) return errors(res, 404, "NOT_FOUND", "The requested resource does not exist");
    const token = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
    if (!token || !tokens.has(token)) return errors(res, 401, "INVALID_SESSION_ID", "Session expired or invalid");

    if (req.method === "GET" && api === "/query") {
      const soql = url.searchParams.get("q") ?? "";
      const answer = (type: string, matches: (record: SalesforceRecord) => boolean) => {
        const found = byType(type)
          .filter(matches)
          .sort((a, b) => a.createdAt - b.createdAt)
          .slice(0, 1);
        return sendJson(res, 200, { totalSize: found.length, done: true, records: found.map((r) => ({ attributes: { type, url: `/services/data/v62.0/sobjects/${type}/${r.Id}` }, Id: r.Id })) });
      };
      const person = new RegExp(
        `^SELECT Id FROM (Lead|Contact) WHERE (?:(Email|Phone) = (${LITERAL})|Phone IN \\((${LITERAL}(?:, ${LITERAL})*)\\))( AND IsConverted = false)? ORDER BY CreatedDate ASC LIMIT 1$`,
      ).exec(soql);
      if (person) {
        const [, type, field, literal, list, openOnly] = person as unknown as [string, string, string | undefined, string | undefined, string | undefined, string | undefined];
        // Like Salesforce: exact (case-insensitive) comparison of the stored text, no phone normalisation.
        const values = (list ? (list.match(new RegExp(LITERAL, "g")) ?? []) : [literal ?? ""]).map((value) => unquote(value).toLowerCase());
        return answer(type, (r) => values.includes(String(r.fields[field ?? "Phone"] ?? "").toLowerCase()) && (!openOnly || r.fields.IsConverted !== true));
      }
      const task = new RegExp(`^SELECT Id FROM Task WHERE WhoId = (${LITERAL}) AND Subject LIKE (${LITERAL}) ORDER BY CreatedDate ASC LIMIT 1$`).exec(soql);
      if (task) {
        const [whoId, pattern] = [unquote(task[1]!), unquote(task[2]!)];
        const like = new RegExp(`^${pattern.split("%").map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/_/g, ".")).join(".*")}$`, "is");
        return answer("Task", (r) => r.fields.WhoId === whoId && like.test(String(r.fields.Subject ?? "")));
      }
      return errors(res, 400, "MALFORMED_QUERY", `unexpected SOQL: ${soql}`);
    }

    const describe = /^\/sobjects\/(\w+)\/describe$/.exec(api);
    if (req.method === "GET" && describe?.[1]) {
      const type = describe[1];
      if (!standardFields[type]) return errors(res, 404, "NOT_FOUND", `The requested resource does not exist`);
      return sendJson(res, 200, { name: type, label: type, createable: true, updateable: true, fields: fieldsOf(type).map((name) => ({ name, label: name, type: name === "Id" ? "id" : "string", custom: name.endsWith("__c"), nillable: !requiredFields[type]?.includes(name) })) });
    }

    const sobject = /^\/sobjects\/(\w+)(?:\/(\w+))?$/.exec(api);
    if (sobject?.[1] && (req.method === "POST" || req.method === "PATCH")) {
      const [, type, id] = sobject as unknown as [string, string, string | undefined];
      if (!standardFields[type]) return errors(res, 404, "NOT_FOUND", "The requested resource does not exist");
      if ((state.failWrites[type] ?? 0) > 0) {
        state.failWrites[type] = (state.failWrites[type] ?? 0) - 1;
        return errors(res, 503, "SERVER_UNAVAILABLE", "Server Unavailable");
      }
      let fields: Record<string, unknown>;
      try {
        fields = JSON.parse(body) as Record<string, unknown>;
      } catch {
        return errors(res, 400, "JSON_PARSER_ERROR", "Unexpected character");
      }
      delete fields.attributes;
      const known = new Set(fieldsOf(type));
      const unknown = Object.keys(fields).find((name) => !known.has(name) || (readOnly.has(name) && !(req.method === "PATCH" && name === "Id")));
      if (unknown) return errors(res, 400, "INVALID_FIELD", `No such column '${unknown}' on sobject of type ${type}`);
      if (type === "Task" && fields.WhoId !== undefined && !records.has(String(fields.WhoId))) {
        return errors(res, 400, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", ["WhoId"]);
      }
      if (req.method === "PATCH") {
        const existing = id ? records.get(id) : undefined;
        if (!existing || existing.type !== type) return errors(res, 404, "NOT_FOUND", "The requested resource does not exist");
        const merged = { ...existing.fields, ...fields };
        const blank = (requiredFields[type] ?? []).filter((name) => merged[name] === undefined || merged[name] === null || merged[name] === "");
        if (blank.length > 0) return errors(res, 400, "REQUIRED_FIELD_MISSING", `Required fields are missing: [${blank.join(", ")}]`, blank);
        existing.fields = merged;
        res.writeHead(204);
        res.end();
        return;
      }
      if (id) return errors(res, 405, "METHOD_NOT_ALLOWED", "HTTP Method 'POST' not allowed. Allowed are GET,HEAD,PATCH,DELETE");
      const missing = (requiredFields[type] ?? []).filter((name) => fields[name] === undefined || fields[name] === null || fields[name] === "");
      if (missing.length > 0) return errors(res, 400, "REQUIRED_FIELD_MISSING", `Required fields are missing: [${missing.join(", ")}]`, missing);
      const newId = `${prefixes[type]}${String(state.nextId++).padStart(12, "0")}AAA`;
      records.set(newId, { Id: newId, type, fields: { ...(type === "Lead" ? { IsConverted: false, Status: "Open - Not Contacted" } : {}), ...fields }, createdAt: Date.now() + state.nextId });
      const slow = state.slowCreates[type];
      if (slow) {
        delete state.slowCreates[type];
        await new Promise((resolve) => setTimeout(resolve, slow));
      }
      return sendJson(res, 201, { id: newId, success: true, errors: [] });
    }
    return errors(res, 404, "NOT_FOUND", "The requested resource does not exist");
  });

  return {
    url: server.url,
    state,
    records,
    byType,
    /** A record made outside Frontdesk (e.g. an existing customer as a Contact). */
    seed(type: string, fields: Record<string, unknown>): string {
      const id = `${prefixes[type]}${String(state.nextId++).padStart(12, "0")}AAA`;
      records.set(id, { Id: id, type, fields, createdAt: Date.now() + state.nextId });
      return id;
    },
    close: () => server.close(),
  };
}
