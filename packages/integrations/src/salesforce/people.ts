import type { Connection } from "jsforce";
import type { IntegrationContext } from "../types";
import { toE164 } from "./phone-variants";
import { createRecord, fieldNames, findPerson, findTaskByMarker, type SalesforcePerson, updateRecord } from "./records";

/** Salesforce's own placeholder for web-to-lead leads without a company (Company is required on Lead). */
export const NO_COMPANY = "[not provided]";

export interface PersonDetails {
  name?: string;
  email?: string;
  phone?: string;
  company?: string;
  description?: string;
  /** Written to `tierField` only when describe() says the object has that field. */
  tier?: string;
  tierField?: string;
}

/** "Ana María Ruiz" → FirstName "Ana María", LastName "Ruiz"; LastName is required, so a nameless lead gets one. */
export function splitName(name: string | undefined, fallback: string): { FirstName?: string; LastName: string } {
  const words = (name ?? "").trim().split(/\s+/).filter(Boolean);
  const last = words.pop();
  if (!last) return { LastName: fallback.slice(0, 80) };
  return { ...(words.length > 0 ? { FirstName: words.join(" ").slice(0, 40) } : {}), LastName: last.slice(0, 80) };
}

/**
 * Upsert by email or phone: the existing Contact or open Lead is updated (only with what is known, never blanking a
 * field), otherwise a new Lead is created. Returns which record it is and whether it was created.
 */
export async function upsertPerson(connection: Connection, details: PersonDetails, ctx: IntegrationContext): Promise<SalesforcePerson & { created: boolean }> {
  const found = await findPerson(connection, { ...(details.email ? { email: details.email } : {}), ...(details.phone ? { phone: details.phone } : {}) }, ctx);
  const type = found?.type ?? "Lead";
  const tierFields = details.tier && details.tierField && (await fieldNames(connection, type, ctx)).has(details.tierField) ? { [details.tierField]: details.tier } : {};
  const contact = {
    ...(details.email ? { Email: details.email.slice(0, 80) } : {}),
    // Written in E.164 when it can be read, so later lookups and Salesforce's own matching agree.
    ...(details.phone ? { Phone: (toE164(details.phone) ?? details.phone).slice(0, 40) } : {}),
    ...tierFields,
  };
  if (found) {
    const names = details.name ? splitName(details.name, "") : {};
    await updateRecord(connection, found.type, found.id, { ...names, ...contact }, ctx);
    return { ...found, created: false };
  }
  const id = await createRecord(
    connection,
    "Lead",
    {
      ...splitName(details.name, details.email ?? details.phone ?? "Unknown"),
      Company: (details.company ?? NO_COMPANY).slice(0, 255),
      ...contact,
      ...(details.description ? { Description: details.description.slice(0, 32_000) } : {}),
    },
    ctx,
  );
  return { type: "Lead", id, created: true };
}

/**
 * A completed Task on the person's activity timeline, e.g. the AI conversation's summary and transcript. With a
 * `marker` (the same on every try of one job), the subject ends with "[marker]" and a Task already carrying it is
 * returned instead of creating another: a create that timed out after Salesforce saved it is not repeated by the retry.
 */
export async function logTask(
  connection: Connection,
  task: { whoId: string; subject: string; description: string; priority?: "High" | "Normal" | "Low"; date?: Date; marker?: string },
  ctx: IntegrationContext,
): Promise<{ id: string; created: boolean }> {
  const suffix = task.marker ? ` [${task.marker}]` : "";
  if (task.marker) {
    const existing = await findTaskByMarker(connection, { whoId: task.whoId, suffix }, ctx);
    if (existing) return { id: existing, created: false };
  }
  const id = await createRecord(
    connection,
    "Task",
    {
      WhoId: task.whoId,
      Subject: `${task.subject.slice(0, 255 - suffix.length)}${suffix}`,
      Description: task.description.slice(0, 32_000),
      Status: "Completed",
      Priority: task.priority ?? "Normal",
      ActivityDate: (task.date ?? new Date()).toISOString().slice(0, 10),
    },
    ctx,
  );
  return { id, created: true };
}
