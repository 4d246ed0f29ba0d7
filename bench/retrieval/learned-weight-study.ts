import { readFile, writeFile } from "node:fs/promises";
import { rankingMetrics, toDocumentRanking } from "./metrics";
import { DEPTH, features, mean, sd, type Dump, type Query } from "./query-features";

// tsx bench/retrieval/learned-weight-study.ts <name>=<dump.json> ...   (dumps of dump-candidates.ts --word-forms)
// A learned per-query text weight (query-performance prediction), fitted leave-one-collection-out: from first-pass
// features of both lists (score gaps, agreement, top cosine and its margin, question length, coverage, ...) predict
// each question's text weight α of the convex fusion (α × BM25 / best BM25 + (1 − α) × cosine), offline over the
// first fused pass as calibration-study.ts scores it (100 candidates a side, no feedback). Models, each fitted on
// every collection but one and scored on that one (collections weigh equally in the fit):
//   const     one α for every question (the best on the training collections);
//   stump     one feature, one threshold, an α each side (a depth-1 tree);
//   tree2     a depth-2 tree (each side of the stump split again, or left a leaf);
//   linear    α = clip(b + w · z(features)), fitted by coordinate search on the training nDCG;
// each with adaptive fusion's full-text-alone rule (agreement < 0.1 → α 1) kept in front. Printed per collection:
// today (α 0.5 with the rule), α 1 (full text alone), each model under LOCO, a depth-2 tree fitted on the held-out
// collection itself (in-sample: the most these features explain there), the per-question oracle (best α of 21), and
// the share of questions whose nDCG@10 no α changes.
// MODELS=const,stump: only those models; FEATURES=textGap,corr: only those features.
// OUT=<file.json> writes each question's features, nDCG curve and each LOCO model's α.

// With per-query.ts results beside each dump (`<name>=<dump.json>:<per-query.json>` of '{"feedback":{},"noFeedback":
// {"feedback":false}}'), the choice is feedback on (1) or off (0) end to end instead of the text weight: every model,
// the table and the oracle then read "α" as feedback off / on (today: on, the product's gates as they are).
const FEEDBACK = process.argv.slice(2).some((arg) => arg.includes(":"));
const ALPHAS = FEEDBACK ? [0, 1] : Array.from({ length: 21 }, (_, i) => i / 20);
const LAST = ALPHAS.length - 1;
const TODAY = FEEDBACK ? 1 : 10;
const MIN_LEAF = 0.05;

interface Item {
  collection: string;
  id: string;
  x: number[];
  /** nDCG@10 at each α of ALPHAS (no rule). */
  curve: number[];
  /** adaptive fusion's full-text-alone rule fires (agreement < 0.1 over ≥ 10 pairs). */
  textOnly: boolean;
  weight: number;
}

function featureVector(q: Query): { names: string[]; values: number[]; textOnly: boolean } {
  const f = features(q);
  const text = q.fullText.slice(0, DEPTH).map((h) => h.score);
  const cos = q.vector.slice(0, DEPTH).map((h) => h.score);
  const textGap = text.length > 1 && text[0]! > 0 ? 1 - text[1]! / text[0]! : 1;
  const textGap10 = text.length > 9 && text[0]! > 0 ? 1 - text[9]! / text[0]! : 1;
  const vectorGap = cos.length > 1 ? cos[0]! - cos[1]! : 0;
  const vectorGap10 = cos.length > 9 ? cos[0]! - cos[9]! : 0;
  const vectorIds = q.vector.slice(0, DEPTH).map((h) => h.chunkId);
  const textIds = q.fullText.slice(0, DEPTH).map((h) => h.chunkId);
  const textTopInVector = text.length > 0 ? vectorIds.indexOf(textIds[0]!) : -1;
  const vectorTopInText = cos.length > 0 ? textIds.indexOf(vectorIds[0]!) : -1;
  const rankFeature = (r: number) => Math.log2(2 + (r < 0 ? DEPTH : r));
  const pairs = q.fullText.slice(0, DEPTH).filter((h) => h.similarity !== null).length;
  const values = {
    corr: f.corr,
    spear: f.spear,
    overlap: f.overlap,
    separation: f.separation,
    agreementZ: f.agreement,
    latin: f.latin,
    topCos: f.topCos,
    cosSd: sd(cos),
    terms: Math.min(f.terms, 20),
    margin: f.margin,
    coverage: f.coverage,
    fusedTopCoverage: f.fusedTopCoverage,
    sameTop: f.sameTop,
    textGap,
    textGap10,
    vectorGap,
    vectorGap10,
    textTopInVector: rankFeature(textTopInVector),
    vectorTopInText: rankFeature(vectorTopInText),
    textCandidates: Math.log2(1 + text.length),
  };
  const textOnly = pairs >= 10 && f.corr < 0.1;
  return { names: Object.keys(values), values: Object.values(values), textOnly };
}

function pool(query: Query) {
  const text = query.fullText.slice(0, DEPTH);
  const vector = query.vector.slice(0, DEPTH);
  const doc = new Map<string, string>();
  const cosine = new Map<string, number>();
  for (const hit of text) { doc.set(hit.chunkId, hit.documentId); if (hit.similarity !== null) cosine.set(hit.chunkId, hit.similarity); }
  for (const hit of vector) { doc.set(hit.chunkId, hit.documentId); cosine.set(hit.chunkId, hit.score); }
  const best = Math.max(0, ...text.map((hit) => hit.score));
  const scaled = new Map(text.map((hit) => [hit.chunkId, best > 0 ? hit.score / best : 0]));
  return { ids: [...doc.keys()], doc, scaled, cosine };
}

function curveOf(dump: Dump, query: Query): number[] {
  const p = pool(query);
  const judged = new Map(Object.entries(dump.qrels[query.id] ?? {}));
  return ALPHAS.map((a) => {
    const ranked = p.ids
      .map((id) => [id, a * (p.scaled.get(id) ?? 0) + (1 - a) * (p.cosine.get(id) ?? 0)] as const)
      .sort((x, y) => y[1] - x[1] || x[0].localeCompare(y[0]))
      .map(([id]) => p.doc.get(id)!);
    return rankingMetrics(toDocumentRanking(ranked.flatMap((id) => dump.documents[id] ?? [id])).slice(0, 10), judged).ndcg10;
  });
}

const alphaIndex = (a: number) => Math.max(0, Math.min(LAST, Math.round(a * LAST)));
const scoreAt = (item: Item, a: number) => (item.textOnly ? item.curve[LAST]! : item.curve[alphaIndex(a)]!);

/** The α of ALPHAS with the highest weighted sum of nDCG over these items (the rule's questions stay at 1). */
function bestLeaf(items: readonly Item[]): { alpha: number; total: number } {
  const sums = ALPHAS.map(() => 0);
  let fixed = 0;
  for (const item of items) {
    if (item.textOnly) { fixed += item.weight * item.curve[LAST]!; continue; }
    item.curve.forEach((v, i) => (sums[i]! += item.weight * v));
  }
  let best = TODAY; // ties go to today's choice
  sums.forEach((s, i) => { if (s > sums[best]! + 1e-9) best = i; });
  return { alpha: ALPHAS[best]!, total: sums[best]! + fixed };
}

type Model = (x: number[], textOnly: boolean) => number;

interface Split { feature: number; threshold: number; left: Tree; right: Tree }
type Tree = { alpha: number } | Split;
const predictTree = (tree: Tree, x: number[]): number => ("alpha" in tree ? tree.alpha : predictTree(x[tree.feature]! < tree.threshold ? tree.left : tree.right, x));

function thresholds(items: readonly Item[], feature: number): number[] {
  const values = items.map((item) => item.x[feature]!).sort((a, b) => a - b);
  const out = new Set<number>();
  for (let q = 1; q < 10; q++) out.add(values[Math.floor((q / 10) * values.length)]!);
  return [...out];
}

function fitTree(items: readonly Item[], depth: number, minLeaf: number): { tree: Tree; total: number } {
  const leaf = bestLeaf(items);
  if (depth === 0) return { tree: { alpha: leaf.alpha }, total: leaf.total };
  let best: { tree: Tree; total: number } = { tree: { alpha: leaf.alpha }, total: leaf.total };
  const features = items[0]?.x.length ?? 0;
  for (let f = 0; f < features; f++) {
    for (const t of thresholds(items, f)) {
      const left = items.filter((item) => item.x[f]! < t);
      const right = items.filter((item) => item.x[f]! >= t);
      if (left.length < minLeaf || right.length < minLeaf) continue;
      const l = fitTree(left, depth - 1, minLeaf);
      const r = fitTree(right, depth - 1, minLeaf);
      if (l.total + r.total > best.total + 1e-9) best = { tree: { feature: f, threshold: t, left: l.tree, right: r.tree }, total: l.total + r.total };
    }
  }
  return best;
}

function fitLinear(items: readonly Item[]): { model: Model; describe: (names: string[]) => string } {
  const n = items[0]?.x.length ?? 0;
  const mu = Array.from({ length: n }, (_, j) => mean(items.map((i) => i.x[j]!)));
  const sigma = Array.from({ length: n }, (_, j) => sd(items.map((i) => i.x[j]!)) || 1);
  const z = items.map((item) => item.x.map((v, j) => (v - mu[j]!) / sigma[j]!));
  const w = new Array<number>(n).fill(0);
  let b = bestLeaf(items).alpha;
  const total = (wj: number[], bj: number) =>
    items.reduce((s, item, k) => s + item.weight * scoreAt(item, bj + z[k]!.reduce((acc, v, j) => acc + v * wj[j]!, 0)), 0);
  let current = total(w, b);
  const steps = [-0.2, -0.1, -0.05, -0.025, 0.025, 0.05, 0.1, 0.2];
  for (let round = 0; round < 6; round++) {
    let moved = false;
    for (let j = -1; j < n; j++) {
      for (const step of steps) {
        const w2 = [...w];
        let b2 = b;
        if (j < 0) b2 += step; else w2[j]! += step;
        const t = total(w2, b2);
        if (t > current + 1e-6) { current = t; b = b2; w.splice(0, n, ...w2); moved = true; }
      }
    }
    if (!moved) break;
  }
  return {
    model: (x, textOnly) => (textOnly ? 1 : Math.max(0, Math.min(1, b + x.reduce((acc, v, j) => acc + w[j]! * ((v - mu[j]!) / sigma[j]!), 0)))),
    describe: (names) => `b ${b.toFixed(3)} ` + w.map((wj, j) => [wj, j] as const).filter(([wj]) => wj !== 0).map(([wj, j]) => `${names[j]} ${wj > 0 ? "+" : ""}${wj.toFixed(3)}/sd ${sigma[j]!.toPrecision(3)} (mean ${mu[j]!.toPrecision(3)})`).join(", "),
  };
}

const describeTree = (tree: Tree, names: string[]): string =>
  "alpha" in tree ? `α ${tree.alpha}` : `${names[tree.feature]} < ${tree.threshold.toPrecision(3)} ? (${describeTree(tree.left, names)}) : (${describeTree(tree.right, names)})`;

function withWeights(items: Item[]): Item[] {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item.collection, (counts.get(item.collection) ?? 0) + 1);
  return items.map((item) => ({ ...item, weight: 1 / counts.get(item.collection)! }));
}

const models: Record<string, (train: Item[], names: string[]) => { model: Model; text: string }> = {
  const: (train) => { const a = bestLeaf(train).alpha; return { model: (_x, t) => (t ? 1 : a), text: `α ${a}` }; },
  stump: (train, names) => { const { tree } = fitTree(train, 1, MIN_LEAF * train.length); return { model: (x, t) => (t ? 1 : predictTree(tree, x)), text: describeTree(tree, names) }; },
  tree2: (train, names) => { const { tree } = fitTree(train, 2, MIN_LEAF * train.length); return { model: (x, t) => (t ? 1 : predictTree(tree, x)), text: describeTree(tree, names) }; },
  linear: (train, names) => { const fit = fitLinear(train); return { model: fit.model, text: fit.describe(names) }; },
};
const onlyModels = process.env.MODELS?.split(",");
const onlyFeatures = process.env.FEATURES?.split(",");

let names: string[] = [];
const items: Item[] = [];
for (const arg of process.argv.slice(2)) {
  const [name, paths] = arg.includes("=") ? (arg.split("=") as [string, string]) : [arg, arg];
  const [path, perQueryPath] = paths.split(":") as [string, string | undefined];
  const dump = JSON.parse(await readFile(path, "utf8")) as Dump;
  const perQuery = perQueryPath ? (JSON.parse(await readFile(perQueryPath, "utf8")) as { queries: Record<string, Record<string, { ndcg10: number }>> }).queries : undefined;
  for (const q of dump.queries) {
    if (!dump.qrels[q.id]) continue;
    const fv = featureVector(q);
    const keep = fv.names.map((n, j) => [n, j] as const).filter(([n]) => !onlyFeatures || onlyFeatures.includes(n));
    names = keep.map(([n]) => n);
    items.push({ collection: name, id: q.id, x: keep.map(([, j]) => fv.values[j]!), curve: perQuery ? [perQuery[q.id]!.noFeedback!.ndcg10, perQuery[q.id]!.feedback!.ndcg10] : curveOf(dump, q), textOnly: perQuery ? false : fv.textOnly, weight: 1 });
  }
}
const collections = [...new Set(items.map((i) => i.collection))];
const f3 = (v: number) => v.toFixed(3);
const score = (set: readonly Item[], alpha: (item: Item) => number) => mean(set.map((item) => item.curve[alphaIndex(alpha(item))]!));

const rows: string[][] = [];
const perQuestion: Record<string, Record<string, number>> = {};
const header = ["collection", "n", "rule fires", FEEDBACK ? "today (feedback)" : "today α .5", FEEDBACK ? "no feedback" : "α 1", ...Object.keys(models).filter((m) => !onlyModels || onlyModels.includes(m)).map((m) => `${m} LOCO`), "tree2 on itself", "oracle", "α changes nothing"];
for (const held of collections) {
  const test = items.filter((i) => i.collection === held);
  const train = withWeights(items.filter((i) => i.collection !== held));
  const row = [held, String(test.length), `${Math.round((100 * test.filter((i) => i.textOnly).length) / test.length)} %`];
  row.push(f3(score(test, (i) => (FEEDBACK || i.textOnly ? 1 : 0.5))), f3(score(test, () => (FEEDBACK ? 0 : 1))));
  for (const [name, fit] of Object.entries(models)) {
    if (onlyModels && !onlyModels.includes(name)) continue;
    const { model, text } = fit(train, names);
    const value = score(test, (i) => model(i.x, i.textOnly));
    const halves = [0, 1].map((h) => score(test.filter((_, k) => k % 2 === h), (i) => model(i.x, i.textOnly)));
    row.push(`${f3(value)} (${halves.map(f3).join("/")})`);
    console.log(`[${held} held out] ${name}: ${text}`);
    for (const item of test) (perQuestion[`${held}/${item.id}`] ??= {})[name] = model(item.x, item.textOnly);
  }
  // The most a depth-2 tree can get from these features on this collection: fitted on the collection itself.
  const self = fitTree(withWeights(test), 2, MIN_LEAF * test.length).tree;
  row.push(f3(score(test, (i) => (i.textOnly ? 1 : predictTree(self, i.x)))));
  row.push(f3(mean(test.map((i) => Math.max(...i.curve)))));
  row.push(`${Math.round((100 * test.filter((i) => Math.max(...i.curve) - Math.min(...i.curve) < 1e-9).length) / test.length)} %`);
  rows.push(row);
}
console.log();
console.log(`| ${header.join(" | ")} |`);
console.log(`| ${header.map(() => "---").join(" | ")} |`);
for (const row of rows) console.log(`| ${row.join(" | ")} |`);
// Fitted on every collection (what a product constant would be).
const all = withWeights(items);
for (const [name, fit] of Object.entries(models)) {
  if (onlyModels && !onlyModels.includes(name)) continue;
  const { model, text } = fit(all, names);
  console.log(`[all] ${name}: ${text} -> ` + collections.map((c) => `${c} ${f3(score(items.filter((i) => i.collection === c), (i) => model(i.x, i.textOnly)))}`).join(", "));
}
if (process.env.OUT) {
  await writeFile(process.env.OUT, JSON.stringify({ names, items: items.map((i) => ({ ...i, alphas: perQuestion[`${i.collection}/${i.id}`] })) }));
}
