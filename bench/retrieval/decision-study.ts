import { readFile } from "node:fs/promises";
import type { RankingMetrics } from "./metrics";
import { features, mean, type Dump, type Features } from "./query-features";

// tsx bench/retrieval/decision-study.ts <dump.json>:<per-query.json> ...
// Offline look at per-query decisions (fusion weight, feedback): each rule picks, per query, one of the variants
// per-query.ts scored end to end, from the first-pass signals of dump-candidates.ts; prints nDCG@10 per collection
// and its ratio to BM25. Queries are split into halves by id parity (A even / B odd) to see whether a threshold
// chosen on one half holds on the other.

interface PerQuery { collection: string; queries: Record<string, Record<string, RankingMetrics>> }
type Rule = (f: Features) => string;

const pairs = await Promise.all(
  process.argv.slice(2).map(async (arg) => {
    const [dumpPath, perQueryPath] = arg.split(":");
    const dump = JSON.parse(await readFile(dumpPath!, "utf8")) as Dump;
    const perQuery = JSON.parse(await readFile(perQueryPath!, "utf8")) as PerQuery;
    return { dump, perQuery, features: new Map(dump.queries.map((query) => [query.id, features(query)])) };
  }),
);

const variants = Object.keys(Object.values(pairs[0]!.perQuery.queries)[0]!);
const rules: Record<string, Rule> = Object.fromEntries(variants.map((variant) => [variant, () => variant]));
const extraRules = process.env.RULES ? (JSON.parse(process.env.RULES) as Record<string, string>) : {};
for (const [name, body] of Object.entries(extraRules)) rules[name] = new Function("f", `return (${body});`) as Rule;

const half = (id: string) => (Number(id.replace(/\D/g, "")) % 2 === 0 ? "A" : "B");
console.log(["rule".padEnd(28), ...pairs.map(({ dump }) => dump.collection.slice(0, 18).padStart(22))].join(" "));
for (const [name, rule] of Object.entries(rules)) {
  const cells = pairs.map(({ dump, perQuery, features: byId }) => {
    const chosen = dump.queries.map((query) => ({ id: query.id, metrics: perQuery.queries[query.id]?.[rule(byId.get(query.id)!)] }));
    const ndcg = (subset: typeof chosen) => mean(subset.map((entry) => entry.metrics?.ndcg10 ?? 0));
    const bm25 = mean(dump.queries.map((query) => perQuery.queries[query.id]?.bm25?.ndcg10 ?? 0));
    const all = ndcg(chosen);
    return `${all.toFixed(3)} ×${(all / bm25).toFixed(3)} ${ndcg(chosen.filter((c) => half(c.id) === "A")).toFixed(2)}/${ndcg(chosen.filter((c) => half(c.id) === "B")).toFixed(2)}`;
  });
  console.log([name.slice(0, 28).padEnd(28), ...cells.map((cell) => cell.padStart(22))].join(" "));
}
if (process.env.FEATURES) {
  for (const { dump, features: byId } of pairs) {
    const all = [...byId.values()];
    const keys = Object.keys(all[0] ?? {}) as Array<keyof Features>;
    console.log(`${dump.collection}: ` + keys.map((k) => `${k} ${mean(all.map((f) => f[k])).toFixed(3)}`).join("  "));
  }
}
