/**
 * The small slice of JSON Schema the admin renders as forms and builds in the action editor: an object of
 * string / number / integer / boolean / enum fields. Anything richer is shown as a JSON text field.
 */

export type FieldType = "string" | "number" | "integer" | "boolean";

export interface FieldSpec {
  name: string;
  /** list: an array of strings, edited as comma-separated text (an empty list is an empty field, not `[]`). */
  type: FieldType | "list" | "json";
  title: string;
  description?: string;
  required: boolean;
  /** writeOnly: a secret (password input, never shown back). */
  secret: boolean;
  enumValues?: string[];
  defaultValue?: unknown;
  format?: string;
}

type SchemaNode = Record<string, unknown>;

const isObject = (value: unknown): value is SchemaNode => typeof value === "object" && value !== null && !Array.isArray(value);

function fieldType(node: SchemaNode): FieldSpec["type"] {
  const type = Array.isArray(node.type) ? node.type.find((entry) => entry !== "null") : node.type;
  if (type === "array" && isObject(node.items) && node.items.type === "string" && !node.items.enum) return "list";
  return type === "string" || type === "number" || type === "integer" || type === "boolean" ? type : "json";
}

/** Words a label spells its own way: acronyms upper-case, brands as their owners write them. */
const SPELLINGS: Record<string, string> = {
  api: "API", tls: "TLS", ssl: "SSL", smtp: "SMTP", sms: "SMS", url: "URL", urls: "URLs", id: "ID", ids: "IDs", http: "HTTP",
  https: "HTTPS", json: "JSON", hmac: "HMAC", crm: "CRM", ip: "IP", sendgrid: "SendGrid", hubspot: "HubSpot", twilio: "Twilio",
  whatsapp: "WhatsApp", vapi: "Vapi", calcom: "Cal.com", salesforce: "Salesforce", oauth: "OAuth",
};

/** `sendgridApiKey` → "SendGrid API key", `require_tls` → "Require TLS": sentence case, known words spelled right. */
export function humanize(name: string): string {
  const words = name.replace(/([a-z0-9])([A-Z])/g, "$1 $2").split(/[\s_-]+/).filter(Boolean).map((word) => word.toLowerCase());
  return words
    .map((word, index) => SPELLINGS[word] ?? (index === 0 ? word.charAt(0).toUpperCase() + word.slice(1) : word))
    .join(" ");
}

const listText = (value: unknown) => (Array.isArray(value) ? value.map(String).join(", ") : "");

/** The fields of an object schema, in declaration order. */
export function fieldsOf(schema: unknown): FieldSpec[] {
  if (!isObject(schema) || !isObject(schema.properties)) return [];
  const required = new Set(Array.isArray(schema.required) ? schema.required.filter((name) => typeof name === "string") : []);
  return Object.entries(schema.properties).flatMap(([name, node]) => {
    if (!isObject(node)) return [];
    const enumValues = Array.isArray(node.enum) ? node.enum.map(String) : undefined;
    return [
      {
        name,
        type: fieldType(node),
        title: typeof node.title === "string" ? node.title : humanize(name),
        description: typeof node.description === "string" ? node.description : undefined,
        required: required.has(name),
        secret: node.writeOnly === true,
        enumValues,
        defaultValue: node.default,
        format: typeof node.format === "string" ? node.format : undefined,
      },
    ];
  });
}

/** Form state is strings (and booleans); this is what a form starts from for the given stored values. */
export type FormValues = Record<string, string | boolean>;

export function initialValues(fields: FieldSpec[], stored: Record<string, unknown> = {}): FormValues {
  return Object.fromEntries(
    fields.map((field) => {
      const value = field.secret ? undefined : (stored[field.name] ?? field.defaultValue);
      if (field.type === "boolean") return [field.name, value === true];
      if (value === undefined || value === null) return [field.name, ""];
      if (field.type === "list") return [field.name, listText(value)];
      return [field.name, field.type === "json" ? JSON.stringify(value) : String(value)];
    }),
  );
}

/**
 * Turns form state into the object to send: numbers parsed, blank optional fields (and blank secrets, which
 * the API reads as "keep the stored one") left out, JSON fields parsed. Problems come back per field.
 */
export function valuesToObject(fields: FieldSpec[], values: FormValues): { value: Record<string, unknown>; problems: Record<string, string> } {
  const value: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  for (const field of fields) {
    const raw = values[field.name];
    if (field.type === "boolean") {
      value[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === "string" ? raw.trim() : "";
    if (field.type === "list") {
      // Blank means an empty list (so a list can be cleared), not "leave out".
      value[field.name] = text.split(/[,\n]/).map((item) => item.trim()).filter(Boolean);
      continue;
    }
    if (text === "") continue;
    if (field.type === "number" || field.type === "integer") {
      const number = Number(text);
      if (!Number.isFinite(number) || (field.type === "integer" && !Number.isInteger(number))) problems[field.name] = `must be ${field.type === "integer" ? "a whole number" : "a number"}`;
      else value[field.name] = number;
    } else if (field.type === "json") {
      try {
        value[field.name] = JSON.parse(text);
      } catch {
        problems[field.name] = "must be valid JSON";
      }
    } else {
      value[field.name] = text;
    }
  }
  return { value, problems };
}

/** One row of the action editor's parameter builder. */
export interface ParameterRow {
  name: string;
  type: FieldType;
  required: boolean;
  description: string;
}

/** Parameter rows → a JSON Schema object (what custom actions store as `parameters`). */
export function rowsToSchema(rows: ParameterRow[]): Record<string, unknown> {
  const named = rows.filter((row) => row.name.trim() !== "");
  return {
    type: "object",
    properties: Object.fromEntries(
      named.map((row) => [row.name.trim(), { type: row.type, ...(row.description.trim() ? { description: row.description.trim() } : {}) }]),
    ),
    required: named.filter((row) => row.required).map((row) => row.name.trim()),
    additionalProperties: false,
  };
}

/** A stored JSON Schema → builder rows (fields of other types become strings). */
export function schemaToRows(schema: unknown): ParameterRow[] {
  return fieldsOf(schema).map((field) => ({
    name: field.name,
    type: field.type === "json" || field.type === "list" ? "string" : field.type,
    required: field.required,
    description: field.description ?? "",
  }));
}
