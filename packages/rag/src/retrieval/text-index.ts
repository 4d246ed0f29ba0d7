import { BM25_B, BM25_K1 } from "./bm25-parameters";

/**
 * A knowledge base's full-text index held in memory: the postings of its chunks' stored tsvectors (`chunk.fts`,
 * lexeme and term frequency as the SQL scorer reads them), in typed arrays. It is a cache of what PostgreSQL
 * stores, valid for one `knowledge_base_text_stats.generation`; text-index-cache.ts decides when it may be used.
 *
 * Postings are kept per lexeme in chunk order (compressed sparse rows). A query is scored exhaustively over its
 * terms' postings: at 100k Zipf chunks a question's terms have a few hundred thousand postings at most, a few
 * milliseconds of typed-array work, and the result is the exact BM25 top-k with no candidate bound.
 */
export interface TextIndex {
  readonly knowledgeBaseId: string;
  readonly generation: bigint;
  /** Chunk ordinal → chunk id, document ordinal and length (greatest(tokenCount, 1), as BM25 reads it). */
  readonly chunkIds: readonly string[];
  readonly chunkDocument: Int32Array;
  readonly chunkLength: Int32Array;
  readonly documentIds: readonly string[];
  readonly documentOrdinal: ReadonlyMap<string, number>;
  readonly chunkOrdinal: ReadonlyMap<string, number>;
  /** Lexeme → term ordinal; term t's postings are [postingStart[t], postingStart[t + 1]). */
  readonly termOrdinal: ReadonlyMap<string, number>;
  readonly postingStart: Int32Array;
  readonly postingChunk: Int32Array;
  readonly postingTf: Uint16Array;
  /** Sum of chunkLength (knowledge_base_text_stats.tokenSum). */
  readonly tokenSum: number;
}

/** One chunk as the loader reads it: its lexemes and each one's number of positions (1 when stripped). */
export interface IndexedChunk {
  id: string;
  documentId: string;
  length: number;
  lexemes: readonly string[];
  tfs: readonly number[];
}

/** Collects chunks (in any order, in batches) and packs them into a TextIndex. */
export class TextIndexBuilder {
  private readonly chunkIds: string[] = [];
  private documents: number[] = [];
  private lengths: number[] = [];
  private readonly documentIds: string[] = [];
  private readonly documentOrdinal = new Map<string, number>();
  private readonly termOrdinal = new Map<string, number>();
  private termOf = new Int32Array(1 << 16);
  private chunkOf = new Int32Array(1 << 16);
  private tfOf = new Uint16Array(1 << 16);
  private count = 0;
  private tokenSum = 0;

  get postings(): number {
    return this.count;
  }

  add(chunk: IndexedChunk): void {
    const ordinal = this.chunkIds.length;
    this.chunkIds.push(chunk.id);
    let document = this.documentOrdinal.get(chunk.documentId);
    if (document === undefined) {
      document = this.documentIds.length;
      this.documentIds.push(chunk.documentId);
      this.documentOrdinal.set(chunk.documentId, document);
    }
    this.documents.push(document);
    const length = Math.max(chunk.length, 1);
    this.lengths.push(length);
    this.tokenSum += length;
    this.reserve(this.count + chunk.lexemes.length);
    chunk.lexemes.forEach((lexeme, at) => {
      let term = this.termOrdinal.get(lexeme);
      if (term === undefined) {
        term = this.termOrdinal.size;
        this.termOrdinal.set(lexeme, term);
      }
      this.termOf[this.count] = term;
      this.chunkOf[this.count] = ordinal;
      // A tsvector keeps at most 256 positions per lexeme, so tf fits 16 bits.
      this.tfOf[this.count] = Math.min(65_535, Math.max(1, chunk.tfs[at] ?? 1));
      this.count += 1;
    });
  }

  build(knowledgeBaseId: string, generation: bigint): TextIndex {
    const terms = this.termOrdinal.size;
    const postingStart = new Int32Array(terms + 1);
    for (let at = 0; at < this.count; at += 1) postingStart[this.termOf[at]! + 1]! += 1;
    for (let term = 0; term < terms; term += 1) postingStart[term + 1]! += postingStart[term]!;
    const next = postingStart.slice(0, terms);
    const postingChunk = new Int32Array(this.count);
    const postingTf = new Uint16Array(this.count);
    // Postings were added chunk by chunk, so each term's list comes out in chunk order.
    for (let at = 0; at < this.count; at += 1) {
      const slot = next[this.termOf[at]!]!++;
      postingChunk[slot] = this.chunkOf[at]!;
      postingTf[slot] = this.tfOf[at]!;
    }
    const index: TextIndex = {
      knowledgeBaseId,
      generation,
      chunkIds: this.chunkIds,
      chunkDocument: Int32Array.from(this.documents),
      chunkLength: Int32Array.from(this.lengths),
      documentIds: this.documentIds,
      documentOrdinal: this.documentOrdinal,
      chunkOrdinal: new Map(this.chunkIds.map((id, ordinal) => [id, ordinal])),
      termOrdinal: this.termOrdinal,
      postingStart,
      postingChunk,
      postingTf,
      tokenSum: this.tokenSum,
    };
    this.termOf = new Int32Array(0);
    this.chunkOf = new Int32Array(0);
    this.tfOf = new Uint16Array(0);
    this.documents = [];
    this.lengths = [];
    return index;
  }

  private reserve(size: number): void {
    if (size <= this.termOf.length) return;
    let capacity = this.termOf.length;
    while (capacity < size) capacity *= 2;
    const grow = <T extends Int32Array | Uint16Array>(from: T, to: T): T => {
      to.set(from.subarray(0, this.count));
      return to;
    };
    this.termOf = grow(this.termOf, new Int32Array(capacity));
    this.chunkOf = grow(this.chunkOf, new Int32Array(capacity));
    this.tfOf = grow(this.tfOf, new Uint16Array(capacity));
  }
}

/** Postings of a lexeme in this index (its document frequency here). */
export function documentFrequency(index: TextIndex, lexeme: string): number {
  const term = index.termOrdinal.get(lexeme);
  return term === undefined ? 0 : index.postingStart[term + 1]! - index.postingStart[term]!;
}

const lexicons = new WeakMap<TextIndex, readonly string[]>();

/** The index's lexemes in code-unit order (sorted once per index, on the first word-forms search). */
function sortedLexemes(index: TextIndex): readonly string[] {
  let lexicon = lexicons.get(index);
  if (!lexicon) {
    lexicon = [...index.termOrdinal.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    lexicons.set(index, lexicon);
  }
  return lexicon;
}

/** The index's lexemes that begin with `prefix` (a binary search, then the run of them: code-unit order keeps it together). */
export function lexemesStartingWith(index: TextIndex, prefix: string): string[] {
  const lexicon = sortedLexemes(index);
  let low = 0;
  let high = lexicon.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (lexicon[middle]! < prefix) low = middle + 1;
    else high = middle;
  }
  const found: string[] = [];
  for (let at = low; at < lexicon.length && lexicon[at]!.startsWith(prefix); at += 1) found.push(lexicon[at]!);
  return found;
}

/** Approximate bytes held: typed arrays, plus ~60 B per string and map entry (V8's strings and hash tables). */
export function textIndexBytes(index: TextIndex): number {
  const arrays = [index.chunkDocument, index.chunkLength, index.postingStart, index.postingChunk, index.postingTf];
  const lexemeBytes = [...index.termOrdinal.keys()].reduce((sum, lexeme) => sum + lexeme.length, 0);
  return (
    arrays.reduce((sum, array) => sum + array.byteLength, 0) +
    lexemeBytes +
    index.termOrdinal.size * 60 +
    (index.chunkIds.length + index.documentIds.length) * 2 * 60
  );
}

export function postingCount(index: TextIndex): number {
  return index.postingChunk.length;
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
 * The arithmetic is the SQL scorer's, in the same order, so scores agree to rounding. The hot loop is one
 * multiply-divide-add per posting into a dense score array; the top k is then taken in one pass over it, and
 * `matched` (for coverage) is looked up for those k chunks only.
 */
export function scoreTextIndexes(
  indexes: readonly TextIndex[],
  terms: readonly IndexQueryTerm[],
  averageLength: number,
  limit: number,
  accept: (index: TextIndex, ordinal: number) => boolean,
  within?: ReadonlySet<string>,
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
        const chunk = index.chunkOrdinal.get(id);
        if (chunk === undefined) continue;
        let value = 0;
        for (const termClass of weighted) {
          let tf = 0;
          for (const member of termClass.members) {
            const at = postingOf(index, member.lexeme, chunk);
            if (at >= 0) tf += member.form * index.postingTf[at]!;
          }
          if (tf > 0) value += (termClass.weight * termClass.idf * tf * (BM25_K1 + 1)) / (tf + norm[chunk]!);
        }
        consider(chunk, value);
      }
      continue;
    }
    const score = new Float64Array(index.chunkIds.length);
    const { postingStart, postingChunk, postingTf } = index;
    // A class of several forms: its term frequency (typed form + FORM_WEIGHT × others) is summed per chunk first.
    let classTf: Float64Array | undefined;
    for (const termClass of weighted) {
      const weight = termClass.weight * termClass.idf;
      const [only] = termClass.members;
      if (termClass.members.length === 1 && only!.form === 1) {
        const ordinal = index.termOrdinal.get(only!.lexeme);
        if (ordinal === undefined) continue;
        const end = postingStart[ordinal + 1]!;
        for (let at = postingStart[ordinal]!; at < end; at += 1) {
          const chunk = postingChunk[at]!;
          const tf = postingTf[at]!;
          score[chunk] = score[chunk]! + (weight * tf * (BM25_K1 + 1)) / (tf + norm[chunk]!);
        }
        continue;
      }
      classTf ??= new Float64Array(index.chunkIds.length);
      const touched: number[] = [];
      for (const member of termClass.members) {
        const ordinal = index.termOrdinal.get(member.lexeme);
        if (ordinal === undefined) continue;
        const end = postingStart[ordinal + 1]!;
        for (let at = postingStart[ordinal]!; at < end; at += 1) {
          const chunk = postingChunk[at]!;
          if (classTf[chunk] === 0) touched.push(chunk);
          classTf[chunk] = classTf[chunk]! + member.form * postingTf[at]!;
        }
      }
      for (const chunk of touched) {
        const tf = classTf[chunk]!;
        score[chunk] = score[chunk]! + (weight * tf * (BM25_K1 + 1)) / (tf + norm[chunk]!);
        classTf[chunk] = 0;
      }
    }
    for (let chunk = 0; chunk < score.length; chunk += 1) consider(chunk, score[chunk]!);
  }
  const hits = best.sorted();
  // Coverage counts each class of the question once, whichever of its forms the chunk holds.
  for (const hit of hits) {
    for (const termClass of classes) {
      if (termClass.original && termClass.members.some((member) => postingOf(hit.index, member.lexeme, hit.ordinal) >= 0)) hit.matched += termClass.idf;
    }
  }
  return hits;
}

const norms = new WeakMap<TextIndex, { averageLength: number; norm: Float64Array }>();

/** k1 · (1 − b + b · dl / avgdl) per chunk, as the SQL scorer computes it; kept while the average stays the same. */
function lengthNorms(index: TextIndex, averageLength: number): Float64Array {
  const kept = norms.get(index);
  if (kept?.averageLength === averageLength) return kept.norm;
  const norm = new Float64Array(index.chunkIds.length);
  for (let chunk = 0; chunk < norm.length; chunk += 1) norm[chunk] = BM25_K1 * (1 - BM25_B + (BM25_B * index.chunkLength[chunk]!) / averageLength);
  norms.set(index, { averageLength, norm });
  return norm;
}

/** Where the chunk's posting of the lexeme is (binary search in its postings, kept in chunk order), or -1. */
function postingOf(index: TextIndex, lexeme: string, chunk: number): number {
  const term = index.termOrdinal.get(lexeme);
  if (term === undefined) return -1;
  let low = index.postingStart[term]!;
  let high = index.postingStart[term + 1]! - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const found = index.postingChunk[middle]!;
    if (found === chunk) return middle;
    if (found < chunk) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

const idOf = (hit: ScoredChunk) => hit.index.chunkIds[hit.ordinal]!;
/** a ranks before b: higher score, then smaller id. */
const before = (aScore: number, aId: string, bScore: number, bId: string) => aScore > bScore || (aScore === bScore && aId < bId);

/** The best `limit` hits so far: a binary min-heap whose root is the worst kept. */
class TopK {
  private readonly heap: ScoredChunk[] = [];
  constructor(private readonly limit: number) {}

  admits(score: number, index: TextIndex, ordinal: number): boolean {
    if (this.heap.length < this.limit) return true;
    const worst = this.heap[0]!;
    if (score !== worst.score) return score > worst.score;
    return index.chunkIds[ordinal]! < idOf(worst);
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
