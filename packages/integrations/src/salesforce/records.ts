import type { Connection } from "jsforce";
import type { IntegrationContext } from "../types";
import { phoneVariants } from "./phone-variants";
import { toSalesforceError, withDeadline } from "./salesforce-client";

export type PersonType = "Lead" | "Contact";

export interface SalesforcePerson {
  type: PersonType;
  id: string;
}

/** A SOQL string literal: backslash, quotes and line breaks escaped as SOQL requires. */
export function soqlString(value: string): string {
  const escaped = value.replace(/[\\'"\n\r\t]/g, (c) => ({ "\\": "\\\\", "'": "\\'", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t" })[c] ?? c);
  return `'${escaped}'`;
}

const call = <T>(promise: Promise<T>, ctx: IntegrationContext): Promise<T> => withDeadline(promise, ctx).catch(toSalesforceError);

/**
 * The person the lead already is in Salesforce: a Contact first (a customer already), else an open (unconverted)
 * Lead; by email, else by phone. Salesforce stores phones as typed and compares them exactly, so the phone is
 * looked up in the ways it is commonly written (phoneVariants: "+14155550150" finds "(415) 555-0150").
 */
export async function findPerson(connection: Connection, by: { email?: string; phone?: string }, ctx: IntegrationContext): Promise<SalesforcePerson | null> {
  const lookups: [PersonType, string][] = [];
  for (const type of ["Contact", "Lead"] as const) {
    const open = type === "Lead" ? " AND IsConverted = false" : "";
    if (by.email) lookups.push([type, `SELECT Id FROM ${type} WHERE Email = ${soqlString(by.email)}${open} ORDER BY CreatedDate ASC LIMIT 1`]);
    if (by.phone) {
      const phones = phoneVariants(by.phone).map(soqlString).join(", ");
      lookups.push([type, `SELECT Id FROM ${type} WHERE Phone IN (${phones})${open} ORDER BY CreatedDate ASC LIMIT 1`]);
    }
  }
  for (const [type, soql] of lookups) {
    const result = await call(Promise.resolve(connection.query<{ Id: string }>(soql)), ctx);
    const first = result.records[0];
    if (first?.Id) return { type, id: first.Id };
  }
  return null;
}

/** Field API names of an object, from describe() (which fields the org has, e.g. a custom AI_Tier__c). */
export async function fieldNames(connection: Connection, type: PersonType, ctx: IntegrationContext): Promise<Set<string>> {
  const described = await call(connection.sobject(type).describe(), ctx);
  return new Set(described.fields.map((field) => field.name));
}

export async function createRecord(connection: Connection, type: string, fields: Record<string, unknown>, ctx: IntegrationContext): Promise<string> {
  const saved = await call(connection.sobject(type).create(fields), ctx);
  if (!saved.success || !saved.id) toSalesforceError(Object.assign(new Error(JSON.stringify(saved.errors)), { errorCode: "CREATE_FAILED" }));
  return saved.id;
}

export async function updateRecord(connection: Connection, type: string, id: string, fields: Record<string, unknown>, ctx: IntegrationContext): Promise<void> {
  const saved = await call(connection.sobject(type).update({ Id: id, ...fields }), ctx);
  if (!saved.success) toSalesforceError(Object.assign(new Error(JSON.stringify(saved.errors)), { errorCode: "UPDATE_FAILED" }));
}

/**
 * The person's Task whose subject ends with `suffix` (a job's marker, see logTask), oldest first, or null. Markers
 * are letters, digits, ":" and brackets: nothing LIKE reads as a wildcard.
 */
export async function findTaskByMarker(connection: Connection, by: { whoId: string; suffix: string }, ctx: IntegrationContext): Promise<string | null> {
  const soql = `SELECT Id FROM Task WHERE WhoId = ${soqlString(by.whoId)} AND Subject LIKE ${soqlString(`%${by.suffix}`)} ORDER BY CreatedDate ASC LIMIT 1`;
  const result = await call(Promise.resolve(connection.query<{ Id: string }>(soql)), ctx);
  return result.records[0]?.Id ?? null;
}
