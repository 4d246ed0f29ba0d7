import type { PromptSuggestion } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { listSuggestionsInput, suggestionEvidenceSchema, suggestionKind, suggestionStatus, type ListSuggestionsInput, type SuggestionView } from "./schemas";

/** A bot's (or every bot's) suggestions of one status: the latest week first, the best-evidenced first within it. */
export async function listSuggestions(ctx: ServiceContext, input: ListSuggestionsInput = {}): Promise<SuggestionView[]> {
  const { botId, status, limit } = parseInput(listSuggestionsInput, input);
  const rows = await ctx.prisma.promptSuggestion.findMany({
    where: { organizationId: ctx.organizationId, status, ...(botId ? { botId } : {}) },
    orderBy: [{ week: "desc" }, { createdAt: "desc" }, { id: "asc" }],
    take: limit,
  });
  return rows.map(toSuggestionView).sort((a, b) => b.week.localeCompare(a.week) || b.evidence.count - a.evidence.count || a.id.localeCompare(b.id));
}

/** Dismissed: hidden, and its key is not suggested again. */
export const dismissSuggestion = (ctx: ServiceContext, id: string) => settle(ctx, id, "dismissed");
/** Done: the owner acted on it; suggested again in a later week only if the evidence comes back. */
export const completeSuggestion = (ctx: ServiceContext, id: string) => settle(ctx, id, "done");

async function settle(ctx: ServiceContext, id: string, status: "dismissed" | "done"): Promise<SuggestionView> {
  const row = await ctx.prisma.promptSuggestion.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!row) throw notFound("Suggestion");
  const updated = await ctx.prisma.promptSuggestion.update({ where: { id: row.id }, data: { status, resolvedAt: new Date() } });
  return toSuggestionView(updated);
}

export function toSuggestionView(row: PromptSuggestion): SuggestionView {
  return {
    id: row.id,
    botId: row.botId,
    week: row.week,
    kind: suggestionKind.catch("knowledge_gap").parse(row.kind),
    title: row.title,
    detail: row.detail,
    evidence: suggestionEvidenceSchema.catch({ count: 0, examples: [], conversationIds: [] }).parse(row.evidence),
    method: row.method === "model" ? "model" : "rules",
    status: suggestionStatus.catch("open").parse(row.status),
    createdAt: row.createdAt.toISOString(),
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
  };
}
