import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { toQualifiedLeadView, withLeadChannel } from "./lead-views";
import { leadFilter } from "./list-leads";
import { listLeadsInput, type ListLeadsInput } from "./schemas";

const COLUMNS = ["id", "createdAt", "tier", "score", "name", "email", "phone", "channel", "serviceInterest", "urgency", "budget", "timeline", "reasons", "botId", "conversationId"] as const;
const BATCH = 500;

/**
 * Every lead matching the list filters as CSV (RFC 4180, header row, newest first), read in batches. Cells that
 * a spreadsheet would run as a formula (= + - @ at the start, phone numbers aside) are prefixed with an apostrophe.
 */
export async function exportLeadsCsv(ctx: ServiceContext, input: Omit<ListLeadsInput, "limit" | "cursor"> = {}): Promise<string> {
  const { limit: _limit, cursor: _cursor, ...filters } = parseInput(listLeadsInput, input);
  const lines = [COLUMNS.join(",")];
  let cursor: string | undefined;
  for (;;) {
    const rows = await ctx.prisma.lead.findMany({
      where: leadFilter(ctx, filters),
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: BATCH,
      ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}),
      include: withLeadChannel,
    });
    for (const row of rows) {
      const lead = toQualifiedLeadView(row);
      const cells: Record<(typeof COLUMNS)[number], string | number | null> = { ...lead, ...lead.qualification, reasons: lead.reasons.join("; ") };
      lines.push(COLUMNS.map((column) => csvCell(cells[column])).join(","));
    }
    if (rows.length < BATCH) break;
    cursor = rows.at(-1)?.id;
  }
  return `${lines.join("\r\n")}\r\n`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  // A phone number (+1 415…) is not a formula; anything else starting like one is neutralised.
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text) && !/^\+[\d\s().-]+$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}
