import type { Connection } from "jsforce";
import type { IntegrationContext } from "../types";
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
 * Lead; by email, else by phone. Phone matches are exact, as Salesforce stores what was typed.
 */
export async function findPerson(connection: Connection, by: { email?: string; phone?: string }, ctx: IntegrationContext): Promise<SalesforcePerson | null> {
  const lookups: [PersonType, string][] = [];
  for (const type of ["Contact", "Lead"] as const) {
    const open = type === "Lead" ? " AND IsConverted = false" : "";
    if (by.email) lookups.push([type, `SELECT Id FROM ${type} WHERE Email = ${soqlString(by.email)}${open} ORDER BY CreatedDate ASC LIMIT 1`]);
    if (by.phone) lookups.push([type, `SELECT Id FROM ${type} WHERE Phone = ${soqlString(by.phone)}${open} ORDER BY CreatedDate ASC LIMIT 1`]);
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
