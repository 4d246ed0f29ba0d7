import { Prisma, type PrismaClient } from "@frontdesk/db";
import { fullTextSearchQuery, planFullTextSearch, vectorSearchQuery, type SearchScope } from "@frontdesk/rag";

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Relation Name"?: string;
  "Actual Rows"?: number;
  "Actual Loops"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

export interface PlanSummary {
  side: "full text" | "vector";
  planningMs: number;
  executionMs: number;
  sharedHit: number;
  sharedRead: number;
  /** Index scans of the plan, "index (rows)"; rows summed over loops. */
  indexes: string[];
  /** Sequential scans of the plan, "table (rows)". */
  seqScans: string[];
}

/**
 * `EXPLAIN (ANALYZE, BUFFERS)` of one search per side, exactly as the product runs it (the same SQL builders; the
 * vector statement sets its index settings itself), reduced to what tells whether the work is bounded: time, buffers,
 * which indexes are used, and sequential scans with the rows they read.
 */
export async function explainSearchSides(
  prisma: PrismaClient,
  scope: SearchScope,
  query: string,
  queryVector: readonly number[],
  limit = 100,
): Promise<PlanSummary[]> {
  const summaries: PlanSummary[] = [];
  const textInput = { ...scope, query, limit };
  const plan = await planFullTextSearch(prisma, textInput);
  if (plan) summaries.push(summarize("full text", await explain(prisma, fullTextSearchQuery(textInput, plan, "ids"))));
  const vectorInput = { ...scope, queryVector, limit };
  // hybridSearch's own statement: ids and scores, the index settings inside it (pgvector ≥ 0.8).
  const vector = await explain(prisma, vectorSearchQuery(vectorInput, { columns: "ids" }));
  summaries.push(summarize("vector", vector));
  return summaries;
}

export function formatPlanSummary(summary: PlanSummary): string {
  const scans = [...summary.indexes.map((index) => `index ${index}`), ...summary.seqScans.map((table) => `seq scan ${table}`)];
  return (
    `${summary.side}: execution ${summary.executionMs.toFixed(1)} ms, planning ${summary.planningMs.toFixed(1)} ms, ` +
    `buffers hit ${summary.sharedHit} read ${summary.sharedRead}; ${scans.join(", ") || "no scans"}`
  );
}

async function explain(client: Pick<PrismaClient, "$queryRaw">, sql: Prisma.Sql): Promise<{ Plan: PlanNode; "Planning Time": number; "Execution Time": number }> {
  const rows = await client.$queryRaw<Array<{ "QUERY PLAN": unknown }>>`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`;
  const raw = rows[0]!["QUERY PLAN"];
  const parsed = (typeof raw === "string" ? JSON.parse(raw) : raw) as Array<{ Plan: PlanNode; "Planning Time": number; "Execution Time": number }>;
  return parsed[0]!;
}

function summarize(side: PlanSummary["side"], plan: { Plan: PlanNode; "Planning Time": number; "Execution Time": number }): PlanSummary {
  const indexes = new Map<string, number>();
  const seqScans = new Map<string, number>();
  const visit = (node: PlanNode) => {
    const rows = (node["Actual Rows"] ?? 0) * (node["Actual Loops"] ?? 1);
    if (node["Index Name"]) indexes.set(node["Index Name"], (indexes.get(node["Index Name"]) ?? 0) + rows);
    if (node["Node Type"] === "Seq Scan" && node["Relation Name"]) seqScans.set(node["Relation Name"], (seqScans.get(node["Relation Name"]) ?? 0) + rows);
    node.Plans?.forEach(visit);
  };
  visit(plan.Plan);
  return {
    side,
    planningMs: plan["Planning Time"],
    executionMs: plan["Execution Time"],
    sharedHit: plan.Plan["Shared Hit Blocks"] ?? 0,
    sharedRead: plan.Plan["Shared Read Blocks"] ?? 0,
    indexes: [...indexes].map(([name, rows]) => `${name} (${Math.round(rows)} rows)`),
    seqScans: [...seqScans].map(([name, rows]) => `${name} (${Math.round(rows)} rows)`),
  };
}
