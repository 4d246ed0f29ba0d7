import { BM25_B, BM25_K1 } from "./bm25-parameters";
import type { PackedTextIndex } from "./text-index-build.mjs";
import { scoreBoundedIndex } from "./text-index-bounded";
import { END, PostingCursor } from "./text-index-cursor";

/**
 * A knowledge base's full-text index held in memory: the postings of its chunks' stored tsvectors (`chunk.fts`,
 * lexeme and term frequency as the SQL scorer reads them), packed by text-index-build.mjs in a build thread. It is a
 * cache of what PostgreSQL stores, valid for one `knowledge_base_text_stats.generation`; text-index-cache.ts decides
 * when it may be used.
 *
 * Postings are kept per lexeme in chunk order, compressed: the gap to the previous chunk as a varint and the term
 * frequency in one byte (~2.5 B a posting instead of 6), with a skip entry every BLOCK_POSTINGS postings to find one
 * chunk's posting (and the highest BM25 impact of its postings, for bounded scoring). The lexicon and the chunk ids
 * are single strings searched by bisection, not maps. The result of a query is the exact BM25 top k with no
 * candidate bound, whether every posting is scored or bounds skip what cannot enter (scoreTextIndexes).
 */
export interface TextIndex extends PackedTextIndex {
  readonly knowledgeBaseId: string;
  readonly generation: bigint;
}

/** Term ordinal of a lexeme (bisection of the sorted lexicon), or -1. */
export function termOf(index: TextIndex, lexeme: string): number {
  const { lexicon, lexemeStart } = index;
  let low = 0;
  let high = index.termDf.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = lexicon.slice(lexemeStart[middle]!, lexemeStart[middle + 1]!);
    if (found === lexeme) return middle;
    if (found < lexeme) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Postings of a lexeme in this index (its document frequency here). */
export function documentFrequency(index: TextIndex, lexeme: string): number {
  const term = termOf(index, lexeme);
  return term < 0 ? 0 : index.termDf[term]!;
}

export function chunkIdOf(index: TextIndex, ordinal: number): string {
  return index.chunkIds.slice(index.chunkIdStart[ordinal]!, index.chunkIdStart[ordinal + 1]!);
}

/** The ordinal of a chunk id (bisection of the ids' order), or -1. */
export function chunkOrdinalOf(index: TextIndex, id: string): number {
  let low = 0;
  let high = index.chunkCount - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const ordinal = index.chunkIdOrder[middle]!;
    const found = chunkIdOf(index, ordinal);
    if (found === id) return ordinal;
    if (found < id) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** The index's lexemes that begin with `prefix` (bisection of the sorted lexicon, then the run of them: code-unit order keeps it together). */
export function lexemesStartingWith(index: TextIndex, prefix: string): string[] {
  const { lexicon, lexemeStart } = index;
  const lexemeAt = (term: number) => lexicon.slice(lexemeStart[term]!, lexemeStart[term + 1]!);
  const terms = index.termDf.length;
  let low = 0;
  let high = terms;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lexemeAt(middle) < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let term = low; term < terms && lexemeAt(term).startsWith(prefix); term += 1) found.push(lexemeAt(term));
  return found;
}

/** Bytes held: the typed arrays, the two strings (1 B a character when Latin-1) and ~60 B per document id. */
export function textIndexBytes(index: TextIndex): number {
  const arrays = [
    index.chunkIdStart,
    index.chunkIdOrder,
    index.chunkDocument,
    index.chunkLength,
    index.lexemeStart,
    index.termDf,
    index.termStart,
    index.postings,
    index.blockStart,
    index.blockChunk,
    index.blockByte,
    index.blockMaxImpact,
    index.termMaxImpact,
  ];
  const characters = (text: string) => (/^[\u0000-\u00ff]*$/.test(text) ? text.length : 2 * text.length);
  return arrays.reduce((sum, array) => sum + array.byteLength, 0) + characters(index.lexicon) + characters(index.chunkIds) + index.documentIds.length * 60;
}

export function postingCount(index: TextIndex): number {
  return index.postingCount;
}

/** A query term as scored: its weight and IDF, and whether the visitor typed it (for coverage). */
export interface IndexQueryTerm {
  lexeme: string;
  weight: number;
  idf: number;
  original: boolean;
  /** Terms of one group are one BM25 class (a word and its other forms: query-terms.ts ScoredTerm.group). */
  group?: number;
  /** This lexeme's share in its class's term frequency (default 1). */
  form?: number;
}

/** A class of query terms as BM25 counts it: weight, IDF, and its lexemes with their shares of its tf. */
interface TermClass {
  weight: number;
  idf: number;
  original: boolean;
  members: Array<{ lexeme: string; form: number }>;
}

/** Terms grouped into classes (each term its own class unless it has a group), in order of first appearance. */
function termClasses(terms: readonly IndexQueryTerm[]): TermClass[] {
  const classes = new Map<number | string, TermClass>();
  terms.forEach((term, at) => {
    const key = term.group ?? `term ${at}`;
    const known = classes.get(key);
    const member = { lexeme: term.lexeme, form: term.form ?? 1 };
    if (known) {
      known.members.push(member);
      known.original ||= term.original;
    } else {
      classes.set(key, { weight: term.weight, idf: term.idf, original: term.original, members: [member] });
    }
  });
  return [...classes.values()];
}

export interface ScoredChunk {
  index: TextIndex;
  ordinal: number;
  score: number;
  /** Sum of the IDFs of the typed terms the chunk holds. */
  matched: number;
}

/**
 * BM25 of every chunk of `indexes` holding a term (or only `within` chunks), with the given statistics; keeps the
 * best `limit` of those `accept` lets through, best first, ties by chunk id (as the SQL scorer orders them).
 * The arithmetic is the SQL scorer's, in the same order, so scores agree to rounding. `matched` (for coverage) is
 * looked up for the k chunks kept only.
 *
 * Two ways to the same top k (`strategy`; "auto" picks by the postings a query would read): "exhaustive" scores
 * every posting, one multiply-divide-add each into a dense score array, and takes the top k in one pass over it;
 * "bounded" (text-index-bounded.ts) walks the postings in chunk order and skips chunks and whole skip blocks whose
 * impact bounds cannot reach the k-th best score so far. Both sum a chunk's score in the same order, so they agree
 * bit for bit.
 */
export function scoreTextIndexes(
  indexes: readonly TextIndex[],
  terms: readonly IndexQueryTerm[],
  averageLength: number,
  limit: number,
  accept: (index: TextIndex, ordinal: number) => boolean,
  within?: ReadonlySet<string>,
  strategy: ScoringStrategy = "auto",
): ScoredChunk[] {
  const best = new TopK(limit);
  const classes = termClasses(terms);
  const weighted = classes.filter((termClass) => termClass.weight > 0);
  for (const index of indexes) {
    const norm = lengthNorms(index, averageLength);
    const consider = (chunk: number, value: number) => {
      if (value > 0 && best.admits(value, index, chunk) && accept(index, chunk)) best.push({ index, ordinal: chunk, score: value, matched: 0 });
    };
    if (within) {
      // A few hundred given chunks (feedback's second pass): look each term up in each chunk rather than run through
      // the postings of common feedback terms.
      for (const id of within) {
        const chunk = chunkOrdinalOf(index, id);
        if (chunk < 0) continue;
        let value = 0;
        for (const termClass of weighted) {
          let tf = 0;
          for (const member of termClass.members) tf += member.form * termFrequency(index, termOf(index, member.lexeme), chunk);
          if (tf > 0) value += (termClass.weight * termClass.idf * tf * (BM25_K1 + 1)) / (tf + norm[chunk]!);
        }
        consider(chunk, value);
      }
      continue;
    }
    if (strategy === "bounded" || (strategy === "auto" && postingsToRead(index, weighted) >= BOUNDED_FROM_POSTINGS)) {
      const classes = weighted.map((termClass) => ({
        weight: termClass.weight * termClass.idf,
        members: termClass.members.map((member) => ({ term: termOf(index, member.lexeme), form: member.form })),
      }));
      scoreBoundedIndex(index, classes, norm, averageLength, { limit, floor: () => best.floor(), accepts: (chunk) => accept(index, chunk), consider });
      continue;
    }
    const score = scoreArray(index);
    const { postings, termStart } = index;
    // A class of several forms: its term frequency (typed form + FORM_WEIGHT × others) is summed per chunk first.
    let classTf: Float64Array | undefined;
    for (const termClass of weighted) {
      const weight = termClass.weight * termClass.idf;
      const [only] = termClass.members;
      if (termClass.members.length === 1 && only!.form === 1) {
        const ordinal = termOf(index, only!.lexeme);
        if (ordinal < 0) continue;
        // The hot loop: one varint and one byte a posting (text-index-build.mjs), one multiply-divide-add.
        const end = termStart[ordinal + 1]!;
        let chunk = -1;
        for (let at = termStart[ordinal]!; at < end; ) {
          let value = postings[at++]!;
          let gap = value & 127;
          for (let shift = 7; value > 127; shift += 7) {
            value = postings[at++]!;
            gap |= (value & 127) << shift;
          }
          chunk += gap + 1;
          const tf = postings[at++]! + 1;
          score[chunk] = score[chunk]! + (weight * tf * (BM25_K1 + 1)) / (tf + norm[chunk]!);
        }
        continue;
      }
      const sums = (classTf ??= new Float64Array(index.chunkCount));
      const touched: number[] = [];
      for (const member of termClass.members) {
        forEachPosting(index, termOf(index, member.lexeme), (chunk, tf) => {
          if (sums[chunk] === 0) touched.push(chunk);
          sums[chunk] = sums[chunk]! + member.form * tf;
        });
      }
      for (const chunk of touched) {
        const tf = sums[chunk]!;
        score[chunk] = score[chunk]! + (weight * tf * (BM25_K1 + 1)) / (tf + norm[chunk]!);
        sums[chunk] = 0;
      }
    }
    try {
      for (let chunk = 0; chunk < score.length; chunk += 1) {
        const value = score[chunk]!;
        if (value === 0) continue;
        score[chunk] = 0;
        consider(chunk, value);
      }
    } catch (error) {
      score.fill(0); // The next query must start from zeros.
      throw error;
    }
  }
  const hits = best.sorted();
  // Coverage counts each class of the question once, whichever of its forms the chunk holds.
  for (const hit of hits) {
    for (const termClass of classes) {
      if (termClass.original && termClass.members.some((member) => termFrequency(hit.index, termOf(hit.index, member.lexeme), hit.ordinal) > 0)) hit.matched += termClass.idf;
    }
  }
  return hits;
}

export type ScoringStrategy = "auto" | "exhaustive" | "bounded";

/**
 * Queries reading fewer postings than this are scored exhaustively (a dense array is cheaper than cursors there).
 */
export const BOUNDED_FROM_POSTINGS = 50_000;

/** Postings of a query's classes in one index (document frequencies of their lexemes). */
function postingsToRead(index: TextIndex, classes: readonly TermClass[]): number {
  let postings = 0;
  for (const termClass of classes) for (const member of termClass.members) postings += documentFrequency(index, member.lexeme);
  return postings;
}

const scoreArrays = new WeakMap<TextIndex, Float64Array>();

/**
 * A zeroed score per chunk, kept with the index and zeroed again as the top k is taken (scoring is synchronous, so
 * one is enough): at 1M chunks a fresh one is 8 MB to allocate and clear per query.
 */
function scoreArray(index: TextIndex): Float64Array {
  let score = scoreArrays.get(index);
  if (!score) {
    score = new Float64Array(index.chunkCount);
    scoreArrays.set(index, score);
  }
  return score;
}

const norms = new WeakMap<TextIndex, { averageLength: number; norm: Float64Array }>();

/** k1 · (1 − b + b · dl / avgdl) per chunk, as the SQL scorer computes it; kept while the average stays the same. */
function lengthNorms(index: TextIndex, averageLength: number): Float64Array {
  const kept = norms.get(index);
  if (kept?.averageLength === averageLength) return kept.norm;
  const norm = new Float64Array(index.chunkCount);
  for (let chunk = 0; chunk < norm.length; chunk += 1) norm[chunk] = BM25_K1 * (1 - BM25_B + (BM25_B * index.chunkLength[chunk]!) / averageLength);
  norms.set(index, { averageLength, norm });
  return norm;
}

/** The chunk's term frequency for a term ordinal (0: absent or no such term): skip blocks, then ≤ BLOCK_POSTINGS decoded. */
function termFrequency(index: TextIndex, term: number, chunk: number): number {
  if (term < 0) return 0;
  const cursor = new PostingCursor(index, term);
  cursor.advance(chunk);
  return cursor.chunk === chunk ? cursor.tf : 0;
}

/** Calls visit(chunk, tf) for each posting of a term ordinal (none for -1), in chunk order. */
/** How many chunks of `index` hold at least one of `lexemes` (a word-form class's document frequency, word-forms.ts classDf). */
export function chunksHoldingAny(index: TextIndex, lexemes: readonly string[]): number {
  const terms = lexemes.map((lexeme) => termOf(index, lexeme)).filter((term) => term >= 0);
  if (terms.length === 1) return index.termDf[terms[0]!]!;
  const held = new Set<number>();
  for (const term of terms) forEachPosting(index, term, (chunk) => held.add(chunk));
  return held.size;
}

function forEachPosting(index: TextIndex, term: number, visit: (chunk: number, tf: number) => void): void {
  if (term < 0) return;
  for (const cursor = new PostingCursor(index, term); cursor.chunk !== END; cursor.next()) visit(cursor.chunk, cursor.tf);
}

const idOf = (hit: ScoredChunk) => chunkIdOf(hit.index, hit.ordinal);
/** a ranks before b: higher score, then smaller id. */
const before = (aScore: number, aId: string, bScore: number, bId: string) => aScore > bScore || (aScore === bScore && aId < bId);

/** The best `limit` hits so far: a binary min-heap whose root is the worst kept. */
class TopK {
  private readonly heap: ScoredChunk[] = [];
  constructor(private readonly limit: number) {}

  /** The score a chunk must reach to be kept (it enters on a tie only with a smaller id): the k-th best, 0 until k are held. */
  floor(): number {
    if (this.limit <= 0) return Number.POSITIVE_INFINITY;
    return this.heap.length < this.limit ? 0 : this.heap[0]!.score;
  }

  admits(score: number, index: TextIndex, ordinal: number): boolean {
    if (this.heap.length < this.limit) return true;
    const worst = this.heap[0]!;
    if (score !== worst.score) return score > worst.score;
    return chunkIdOf(index, ordinal) < idOf(worst);
  }

  push(hit: ScoredChunk): void {
    const heap = this.heap;
    if (heap.length < this.limit) {
      heap.push(hit);
      let at = heap.length - 1;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (!this.worse(heap[at]!, heap[parent]!)) break;
        [heap[at], heap[parent]] = [heap[parent]!, heap[at]!];
        at = parent;
      }
      return;
    }
    heap[0] = hit;
    let at = 0;
    for (;;) {
      const left = 2 * at + 1;
      const right = left + 1;
      let worst = at;
      if (left < heap.length && this.worse(heap[left]!, heap[worst]!)) worst = left;
      if (right < heap.length && this.worse(heap[right]!, heap[worst]!)) worst = right;
      if (worst === at) break;
      [heap[at], heap[worst]] = [heap[worst]!, heap[at]!];
      at = worst;
    }
  }

  sorted(): ScoredChunk[] {
    return [...this.heap].sort((a, b) => (before(a.score, idOf(a), b.score, idOf(b)) ? -1 : 1));
  }

  private worse(a: ScoredChunk, b: ScoredChunk): boolean {
    return before(b.score, idOf(b), a.score, idOf(a));
  }
}
