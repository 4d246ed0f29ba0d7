import type { RouterOutputs } from "@/lib/trpc";

export type FollowUpStep = RouterOutputs["bots"]["get"]["followUps"][number];
export type FollowUpChannel = FollowUpStep["channel"];

/** One row of the editor: the wait split into amount and unit (the API takes "30m", "1h", "2d"). */
export interface FollowUpRow {
  key: number;
  amount: string;
  unit: string;
  channel: FollowUpChannel;
  message: string;
  subject: string;
}

export const MAX_FOLLOW_UPS = 5;
export const WAIT_UNITS = [
  { value: "m", label: "minutes", ms: 60_000 },
  { value: "h", label: "hours", ms: 3_600_000 },
  { value: "d", label: "days", ms: 86_400_000 },
] as const;
/** Units the API also accepts (handy in tests): shown only for a step that already uses one. */
const OTHER_UNITS: Record<string, { label: string; ms: number }> = { s: { label: "seconds", ms: 1000 }, ms: { label: "milliseconds", ms: 1 } };
const MAX_WAIT_MS = 30 * 86_400_000;

export const CHANNELS: { value: FollowUpChannel; label: string }[] = [
  { value: "same", label: "Same channel (SMS or WhatsApp conversation; else email, else SMS)" },
  { value: "sms", label: "SMS (on the SMS conversation itself)" },
  { value: "whatsapp", label: "WhatsApp (on the WhatsApp conversation itself)" },
  { value: "email", label: "Email" },
];

export const unitLabel = (unit: string) => WAIT_UNITS.find((candidate) => candidate.value === unit)?.label ?? OTHER_UNITS[unit]?.label ?? unit;
const unitMs = (unit: string) => WAIT_UNITS.find((candidate) => candidate.value === unit)?.ms ?? OTHER_UNITS[unit]?.ms ?? 0;

let nextKey = 0;
export const newRow = (): FollowUpRow => ({ key: nextKey++, amount: "1", unit: "h", channel: "sms", message: "", subject: "" });

export function toRows(steps: readonly FollowUpStep[]): FollowUpRow[] {
  return steps.map((step) => {
    const match = /^(\d+)(ms|s|m|h|d)$/.exec(step.after.trim());
    return { key: nextKey++, amount: match?.[1] ?? "1", unit: match?.[2] ?? "h", channel: step.channel, message: step.message, subject: step.subject ?? "" };
  });
}

export function toSteps(rows: readonly FollowUpRow[]): FollowUpStep[] {
  return rows.map((row) => ({
    after: `${Number(row.amount)}${row.unit}`,
    channel: row.channel,
    message: row.message.trim(),
    ...(row.channel === "email" && row.subject.trim() ? { subject: row.subject.trim() } : {}),
  }));
}

/** The problems the API would name (followUpsSchema's rules), per row and field, before sending. */
export function checkRows(rows: readonly FollowUpRow[]): { row: number; field: "after" | "message" | "subject"; message: string }[] {
  const problems: { row: number; field: "after" | "message" | "subject"; message: string }[] = [];
  rows.forEach((row, index) => {
    const amount = Number(row.amount);
    if (!/^\d+$/.test(row.amount.trim()) || amount < 1) problems.push({ row: index, field: "after", message: "wait a whole number of at least 1" });
    else if (amount * unitMs(row.unit) > MAX_WAIT_MS) problems.push({ row: index, field: "after", message: "wait at most 30 days" });
    if (!row.message.trim()) problems.push({ row: index, field: "message", message: "write the text to send" });
    else if (row.message.trim().length > 1000) problems.push({ row: index, field: "message", message: "at most 1000 characters" });
    if (row.channel === "email" && row.subject.trim().length > 200) problems.push({ row: index, field: "subject", message: "at most 200 characters" });
  });
  return problems;
}
