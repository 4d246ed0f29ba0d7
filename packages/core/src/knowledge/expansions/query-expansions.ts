import type { Prisma, QueryExpansion } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { getKnowledgeBaseOrThrow } from "../get-knowledge-base";
import {
  expansionStatus,
  listQueryExpansionsInput,
  reviewQueryExpansionInput,
  type ListQueryExpansionsInput,
  type ReviewQueryExpansionInput,
  deleteQueryExpansionInput,
  upsertQueryExpansionInput,
  type DeleteQueryExpansionInput,
  type QueryExpansionView,
  type UpsertQueryExpansionInput,
} from "./schemas";

/** A mapping used this often whose answers mostly failed is flagged for review. */
const FLAG_AFTER_USES = 3;
const FLAG_BELOW_SUCCESS_RATE = 0.5;

/** A knowledge base's query expansions, by term (pending ones most confident first), optionally one status. */
export async function listQueryExpansions(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  input: ListQueryExpansionsInput = {},
): Promise<QueryExpansionView[]> {
  const { status } = parseInput(listQueryExpansionsInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const rows = await ctx.prisma.queryExpansion.findMany({
    where: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, ...(status ? { status } : {}) },
    orderBy: status === "pending" ? [{ confidence: { sort: "desc", nulls: "last" } }, { term: "asc" }] : { term: "asc" },
  });
  return rows.map(toQueryExpansionView);
}

/** Approve (search uses it from now on) or reject (that term's words are never proposed again) an expansion. */
export async function reviewQueryExpansion(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  expansionId: string,
  input: ReviewQueryExpansionInput,
): Promise<QueryExpansionView> {
  const { approved } = parseInput(reviewQueryExpansionInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const existing = await ctx.prisma.queryExpansion.findFirst({ where: { id: expansionId, organizationId: ctx.organizationId, knowledgeBaseId: kb.id } });
  if (!existing) throw notFound("Query expansion");
  const row = await ctx.prisma.queryExpansion.update({
    where: { id: existing.id },
    data: { status: approved ? "approved" : "rejected", reviewedAt: new Date() },
  });
  return toQueryExpansionView(row);
}

/** Creates the term's expansions or replaces them (one row per knowledge base and term). */
export async function upsertQueryExpansion(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  input: UpsertQueryExpansionInput,
): Promise<QueryExpansionView> {
  const data = parseInput(upsertQueryExpansionInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const row = await ctx.prisma.queryExpansion.upsert({
    where: { knowledgeBaseId_term: { knowledgeBaseId: kb.id, term: data.term } },
    // Written by a person: in use at once, whatever a learned row for the term was.
    create: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, ...data, status: "approved" },
    update: { expansions: data.expansions, source: data.source, status: "approved" },
  });
  return toQueryExpansionView(row);
}

export async function deleteQueryExpansion(ctx: ServiceContext, knowledgeBaseId: string, input: DeleteQueryExpansionInput): Promise<void> {
  const { term } = parseInput(deleteQueryExpansionInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const deleted = await ctx.prisma.queryExpansion.deleteMany({
    where: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, term },
  });
  if (deleted.count === 0) throw notFound("Query expansion");
}

export function toQueryExpansionView(row: QueryExpansion): QueryExpansionView {
  return {
    id: row.id,
    knowledgeBaseId: row.knowledgeBaseId,
    term: row.term,
    expansions: row.expansions,
    source: row.source,
    status: expansionStatus.catch("approved").parse(row.status),
    confidence: row.confidence,
    provenance: { examples: provenanceExamples(row.provenance) },
    timesUsed: row.timesUsed,
    timesSuccessful: row.timesSuccessful,
    flagged: row.timesUsed >= FLAG_AFTER_USES && row.timesSuccessful / row.timesUsed < FLAG_BELOW_SUCCESS_RATE,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function provenanceExamples(value: Prisma.JsonValue): Array<Record<string, unknown>> {
  if (!value || typeof value !== "object" || Array.isArray(value) || !Array.isArray(value.examples)) return [];
  return value.examples.filter((item): item is Prisma.JsonObject => !!item && typeof item === "object" && !Array.isArray(item));
}
