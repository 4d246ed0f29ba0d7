import type { QueryExpansion } from "@frontdesk/db";
import type { ServiceContext } from "../../context";
import { notFound } from "../../errors";
import { parseInput } from "../../parse-input";
import { getKnowledgeBaseOrThrow } from "../get-knowledge-base";
import {
  deleteQueryExpansionInput,
  upsertQueryExpansionInput,
  type DeleteQueryExpansionInput,
  type QueryExpansionView,
  type UpsertQueryExpansionInput,
} from "./schemas";

/** A knowledge base's query expansions, by term. */
export async function listQueryExpansions(ctx: ServiceContext, knowledgeBaseId: string): Promise<QueryExpansionView[]> {
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const rows = await ctx.prisma.queryExpansion.findMany({
    where: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id },
    orderBy: { term: "asc" },
  });
  return rows.map(toQueryExpansionView);
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
    create: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, ...data },
    update: { expansions: data.expansions, source: data.source },
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

function toQueryExpansionView(row: QueryExpansion): QueryExpansionView {
  return {
    id: row.id,
    knowledgeBaseId: row.knowledgeBaseId,
    term: row.term,
    expansions: row.expansions,
    source: row.source,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
