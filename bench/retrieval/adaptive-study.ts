import { readFile } from "node:fs/promises";
import { meanMetrics, rankingMetrics, toDocumentRanking } from "./metrics";
import { DEPTH, features, mean, sd, type Dump, type Features, type Query } from "./query-features";

// tsx bench/retrieval/adaptive-study.ts <candidates.json from dump-candidates.ts>...
// Offline look at query-adaptive fusion (no feedback): per collection, the signals that could tell whether the
// vector side is informative for a query, and nDCG@10 of the convex combination with the vector weight each
// rule gives.

function fuse(q: Query, textWeight: number): string[] {
  const vector = q.vector.slice(0, DEPTH);
  const text = q.fullText.slice(0, DEPTH);
  const sim = new Map<string, number>();
  const doc = new Map<string, string>();
  for (const h of text) { if (h.similarity !== null) sim.set(h.chunkId, h.similarity); doc.set(h.chunkId, h.documentId); }
  for (const h of vector) { sim.set(h.chunkId, h.score); doc.set(h.chunkId, h.documentId); }
  const best = Math.max(0, ...text.map((h) => h.score)) || 1;
  const t = new Map(text.map((h) => [h.chunkId, h.score / best]));
  const ids = textWeight >= 1 ? text.map((h) => h.chunkId) : [...doc.keys()];
  return ids
    .map((id) => ({ id, s: textWeight * (t.get(id) ?? 0) + (1 - textWeight) * (sim.get(id) ?? 0) }))
    .sort((a, b) => b.s - a.s || a.id.localeCompare(b.id))
    .map((x) => doc.get(x.id) ?? x.id);
}

type Rule = (f: Features) => number; // text weight

const rules: Record<string, Rule> = {
  fixed: () => 0.5,
  textOnly: () => 1,
  ...Object.fromEntries([0.1, 0.15, 0.2, 0.25, 0.3].map((c) => [`corr<${c}`, (f: Features) => (f.corr < c ? 1 : 0.5)])),
  ...Object.fromEntries([0.1, 0.2, 0.3].map((c) => [`corrRamp${c}`, (f: Features) => 1 - 0.5 * Math.min(1, Math.max(0, f.corr / c))])),
  ...Object.fromEntries([0.5, 1, 1.5, 2].map((c) => [`agree<${c}`, (f: Features) => (f.agreement < c ? 1 : 0.5)])),
  ...Object.fromEntries([1, 2, 3].map((c) => [`agreeRamp${c}`, (f: Features) => 1 - 0.5 * Math.min(1, Math.max(0, f.agreement / c))])),
  ...Object.fromEntries([0.1, 0.2, 0.3].map((c) => [`overlap<${c}`, (f: Features) => (f.overlap < c ? 1 : 0.5)])),
  ...Object.fromEntries([0.1, 0.2, 0.3].flatMap((c) => [0.3, 0.5, 0.7].map((v) => [`corr<${c}&cov>=${v}`, (f: Features) => (f.corr < c && f.coverage >= v ? 1 : 0.5)]))),
  ...Object.fromEntries([0.05, 0.1, 0.15, 0.2].map((c) => [`spear<${c}`, (f: Features) => (f.spear < c ? 1 : 0.5)])),
  "latin<0.5": (f) => (f.latin < 0.5 ? 1 : 0.5),
};

async function main(): Promise<void> {
  const dumps = await Promise.all(process.argv.slice(2).map(async (path) => JSON.parse(await readFile(path, "utf8")) as Dump));
  const header = ["rule".padEnd(16), ...dumps.map((d) => d.collection.slice(0, 14).padStart(14))].join(" ");
  for (const d of dumps) {
    const fs = d.queries.map(features);
    const keys = Object.keys(fs[0] ?? {}) as Array<keyof Features>;
    console.log(`${d.collection}: ` + keys.map((k) => `${k} ${mean(fs.map((f) => f[k])).toFixed(3)}±${sd(fs.map((f) => f[k])).toFixed(3)}`).join("  "));
  }
  console.log(header);
  for (const [name, rule] of Object.entries(rules)) {
    const cells = dumps.map((d) => {
      const per = d.queries.map((q) => {
        const ranking = toDocumentRanking(fuse(q, rule(features(q))).flatMap((id) => d.documents[id] ?? [id])).slice(0, 10);
        return rankingMetrics(ranking, new Map(Object.entries(d.qrels[q.id] ?? {})));
      });
      const share = mean(d.queries.map((q) => (rule(features(q)) >= 1 ? 1 : 0)));
      return `${meanMetrics(per).ndcg10.toFixed(3)} (${(share * 100).toFixed(0).padStart(3)}%)`;
    });
    console.log([name.padEnd(16), ...cells.map((c) => c.padStart(14))].join(" "));
  }
}

await main();
