import { vectorCandidates } from "@frontdesk/rag";
import { openKeptCollection } from "./kept-collection";

// tsx bench/retrieval/spread-study.ts <BEIR folder> <kept url>
// Per query, over the 100 vector candidates: the cosines' standard deviation, mean and their ratio (coefficient of
// variation), printed as percentiles, to see which measure of "the model reads this question" holds across
// knowledge-base sizes and languages.
const [folder, url] = process.argv.slice(2);
if (!folder || !url) throw new Error("usage: spread-study.ts <BEIR folder> <kept url>");
const { collection, db, scope, vectors } = await openKeptCollection(folder, url);
const rows: Array<{ sd: number; mean: number; cv: number; top: number }> = [];
for (const [index] of collection.queries.entries()) {
  const hits = await vectorCandidates(db.prisma, { ...scope, queryVector: vectors[index]!, limit: 100 });
  const cos = hits.map((hit) => hit.score);
  const mean = cos.reduce((a, b) => a + b, 0) / cos.length;
  const sd = Math.sqrt(cos.reduce((a, b) => a + (b - mean) ** 2, 0) / cos.length);
  rows.push({ sd, mean, cv: sd / mean, top: cos[0] ?? 0 });
}
const pct = (key: keyof (typeof rows)[number]) => {
  const xs = rows.map((row) => row[key]).sort((a, b) => a - b);
  return [0.01, 0.05, 0.25, 0.5, 0.75, 0.95, 0.99].map((p) => xs[Math.min(xs.length - 1, Math.floor(p * xs.length))]!.toFixed(3)).join(" ");
};
console.log(`${collection.name} (${rows.length} queries) percentiles 1 5 25 50 75 95 99`);
for (const key of ["sd", "mean", "cv", "top"] as const) console.log(`  ${key.padEnd(5)} ${pct(key)}`);
await db.close();
process.exit(0);
