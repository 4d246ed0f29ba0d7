// Loads the GloVe word vectors (building the cache when missing) and prints how long it took, the memory it holds and
// a few cosines: `npx tsx bench/answers/word-vectors-load.ts`.
import { warmWordVectors, wordVectors, wordVectorsStatus } from "@frontdesk/rag";

const before = process.memoryUsage();
const started = performance.now();
await warmWordVectors();
const ms = performance.now() - started;
const after = process.memoryUsage();
const vectors = wordVectors();
const cosine = (a: string, b: string) => {
  const [x, y] = [vectors.indexOf(a), vectors.indexOf(b)];
  return x === undefined || y === undefined ? undefined : Number(vectors.cosine(x, y).toFixed(3));
};
const pairs = [["hire", "rent"], ["refund", "money"], ["toilet", "restroom"], ["cheap", "affordable"], ["horse", "dog"], ["cheap", "expensive"], ["bike", "bicycle"]];
console.log(JSON.stringify({ ...wordVectorsStatus(), ms: Math.round(ms), rssMb: Math.round((after.rss - before.rss) / 1e6), heapMb: Math.round((after.heapUsed - before.heapUsed) / 1e6), externalMb: Math.round((after.external + after.arrayBuffers - before.external - before.arrayBuffers) / 1e6), cosines: Object.fromEntries(pairs.map(([a, b]) => [`${a}~${b}`, cosine(a!, b!)])) }));
