// Packs chunks' stored tsvectors into the in-memory full-text index's compact arrays (text-index.ts reads them).
// Plain JavaScript so that the build thread (text-index-worker.mjs) starts without a TypeScript loader, under tsx
// and in any built output alike; the typings are in text-index-build.d.mts.

/** Postings per skip block: a lookup of one chunk in a term's postings decodes at most this many after a binary search. */
export const BLOCK_POSTINGS = 64;

/**
 * Lexemes and their numbers of positions from a tsvector's text form (tsvectorout): `'lexeme':1,5B 'it''s':3`,
 * quotes doubled and backslashes escaped inside a lexeme; a stripped lexeme has no positions and counts once, as
 * `coalesce(array_length(positions, 1), 1)` does in the SQL scorer.
 * @param {string} text
 * @param {(lexeme: string, tf: number) => void} visit
 */
export function forEachLexeme(text, visit) {
  let at = 0;
  while (at < text.length) {
    if (text.charCodeAt(at) !== QUOTE) {
      at += 1;
      continue;
    }
    at += 1;
    let lexeme = "";
    let start = at;
    for (;;) {
      const char = text.charCodeAt(at);
      if (Number.isNaN(char)) throw new Error("unterminated lexeme in tsvector text");
      if (char === BACKSLASH) {
        lexeme += text.slice(start, at) + text.charAt(at + 1);
        at += 2;
        start = at;
      } else if (char === QUOTE && text.charCodeAt(at + 1) === QUOTE) {
        lexeme += text.slice(start, at + 1);
        at += 2;
        start = at;
      } else if (char === QUOTE) {
        lexeme += text.slice(start, at);
        at += 1;
        break;
      } else {
        at += 1;
      }
    }
    let tf = 1;
    if (text.charCodeAt(at) === COLON) {
      while (at < text.length && text.charCodeAt(at) !== SPACE) {
        if (text.charCodeAt(at) === COMMA) tf += 1;
        at += 1;
      }
    }
    visit(lexeme, tf);
  }
}

/** @param {string} text */
export function parseTsvector(text) {
  /** @type {string[]} */
  const lexemes = [];
  /** @type {number[]} */
  const tfs = [];
  forEachLexeme(text, (lexeme, tf) => {
    lexemes.push(lexeme);
    tfs.push(tf);
  });
  return { lexemes, tfs };
}

/** Postings kept per page while collecting: pages are never copied to grow, and the last one is the only slack. */
const PAGE_POSTINGS = 1 << 22;
/** Term ordinals share a 32-bit word with tf − 1 (8 bits) while collecting. */
const MAX_TERMS = 1 << 24;

/**
 * Collects chunks in batches (chunk ordinals in arrival order) and packs them. While collecting, each posting is
 * one 32-bit word in arrival order (term ordinal and tf − 1: a tsvector keeps at most 256 positions per lexeme, so
 * 1..256 fits a byte exactly), in fixed pages; `finish` then makes two passes: the byte length of every term's list,
 * then the lists themselves. Per term, chunk by chunk: the gap to the previous chunk − 1 as a varint (7 bits a
 * byte), then tf − 1. The build holds 4 B a posting plus the packed result.
 */
export class TextIndexPacker {
  constructor() {
    /** @type {Map<string, number>} */
    this.termOrdinal = new Map();
    /** @type {string[]} */
    this.lexemes = [];
    /** @type {Uint32Array[]} */
    this.pages = [];
    /** Where each chunk's postings start in arrival order (and, last, their end). @type {number[]} */
    this.chunkPostingStart = [0];
    /** @type {string[]} */
    this.chunkIds = [];
    /** @type {number[]} */
    this.chunkDocument = [];
    /** @type {number[]} */
    this.chunkLength = [];
    /** @type {string[]} */
    this.documentIds = [];
    /** @type {Map<string, number>} */
    this.documentOrdinal = new Map();
    this.postings = 0;
    this.tokenSum = 0;
  }

  /** @param {{ ids: string[]; documentIds: string[]; lengths: number[]; fts: string[] }} batch */
  addBatch(batch) {
    for (let at = 0; at < batch.ids.length; at += 1) this.addChunk(batch.ids[at], batch.documentIds[at], batch.lengths[at], batch.fts[at]);
  }

  /**
   * @param {string} id
   * @param {string} documentId
   * @param {number} length
   * @param {string} fts
   */
  addChunk(id, documentId, length, fts) {
    this.chunkIds.push(id);
    let document = this.documentOrdinal.get(documentId);
    if (document === undefined) {
      document = this.documentIds.length;
      this.documentIds.push(documentId);
      this.documentOrdinal.set(documentId, document);
    }
    this.chunkDocument.push(document);
    // greatest(tokenCount, 1), as BM25 reads a chunk's length.
    const dl = Math.max(Number(length), 1);
    this.chunkLength.push(dl);
    this.tokenSum += dl;
    forEachLexeme(fts, (lexeme, tf) => {
      let term = this.termOrdinal.get(lexeme);
      if (term === undefined) {
        term = this.lexemes.length;
        if (term >= MAX_TERMS) throw new Error(`text index over ${MAX_TERMS} lexemes`);
        this.termOrdinal.set(lexeme, term);
        this.lexemes.push(lexeme);
      }
      const at = this.postings % PAGE_POSTINGS;
      if (at === 0) this.pages.push(new Uint32Array(PAGE_POSTINGS));
      this.pages[this.pages.length - 1][at] = (term << 8) | (Math.min(256, Math.max(1, tf)) - 1);
      this.postings += 1;
    });
    this.chunkPostingStart.push(this.postings);
  }

  /**
   * The packed index (see PackedTextIndex in text-index-build.d.mts). Terms are renumbered in lexeme order, so the
   * lexicon is one string searched by bisection. With the postings, each skip block gets the highest BM25 impact
   * tf·(k1+1)/(tf + k1·(1−b+b·dl/avgdl)) of its postings at this index's own average length, and each term the highest
   * of its blocks: the bounds that let a query skip what cannot reach its top k (text-index-bounded.ts).
   * @param {{ k1: number; b: number }} bm25
   */
  finish(bm25) {
    const terms = this.lexemes.length;
    const chunks = this.chunkIds.length;
    const { pages, chunkPostingStart, lexemes } = this;
    /** Calls visit(chunk, word) for every posting in arrival order. @param {(chunk: number, word: number) => void} visit */
    const forEachPosting = (visit) => {
      let chunk = 0;
      let posting = 0;
      for (const page of pages) {
        const end = Math.min(PAGE_POSTINGS, this.postings - posting);
        for (let at = 0; at < end; at += 1, posting += 1) {
          while (posting >= chunkPostingStart[chunk + 1]) chunk += 1;
          visit(chunk, page[at]);
        }
      }
    };

    // Pass 1: each term's document frequency and byte length.
    const termDfByArrival = new Uint32Array(terms);
    const bytesByArrival = new Float64Array(terms);
    const last = new Int32Array(terms).fill(-1);
    forEachPosting((chunk, word) => {
      const term = word >>> 8;
      bytesByArrival[term] += varintBytes(chunk - last[term] - 1) + 1;
      termDfByArrival[term] += 1;
      last[term] = chunk;
    });

    const order = Array.from({ length: terms }, (_, term) => term).sort((a, b) => compare(lexemes[a], lexemes[b]));
    const sortedOf = new Uint32Array(terms);
    const termStart = new Uint32Array(terms + 1);
    const termDf = new Uint32Array(terms);
    const blockStart = new Uint32Array(terms + 1);
    const lexemeStart = new Uint32Array(terms + 1);
    let total = 0;
    let blocks = 0;
    let lexiconLength = 0;
    for (let sorted = 0; sorted < terms; sorted += 1) {
      const term = order[sorted];
      sortedOf[term] = sorted;
      termStart[sorted] = total;
      blockStart[sorted] = blocks;
      lexemeStart[sorted] = lexiconLength;
      termDf[sorted] = termDfByArrival[term];
      total += bytesByArrival[term];
      blocks += Math.ceil(termDfByArrival[term] / BLOCK_POSTINGS);
      lexiconLength += lexemes[term].length;
    }
    if (total > 0xffff_ffff) throw new Error("text index postings exceed 4 GB");
    termStart[terms] = total;
    blockStart[terms] = blocks;
    lexemeStart[terms] = lexiconLength;

    // Pass 2: the lists, every BLOCK_POSTINGS-th posting's chunk and byte offset, and each block's highest impact.
    const postings = new Uint8Array(total);
    const blockChunk = new Int32Array(blocks);
    const blockByte = new Uint32Array(blocks);
    const blockMax = new Float64Array(blocks);
    // greatest(tokenSum / chunks, 1), as the search computes the average length of one knowledge base.
    const impactAverageLength = Math.max(chunks > 0 ? this.tokenSum / chunks : 1, 1);
    const norm = Float64Array.from(this.chunkLength, (length) => bm25.k1 * (1 - bm25.b + (bm25.b * length) / impactAverageLength));
    const cursor = new Float64Array(terms);
    const seen = new Uint32Array(terms);
    for (let term = 0; term < terms; term += 1) cursor[term] = termStart[sortedOf[term]];
    last.fill(-1);
    forEachPosting((chunk, word) => {
      const term = word >>> 8;
      let at = cursor[term];
      const block = blockStart[sortedOf[term]] + Math.floor(seen[term] / BLOCK_POSTINGS);
      if (seen[term] % BLOCK_POSTINGS === 0) {
        blockChunk[block] = chunk;
        blockByte[block] = at;
      }
      const tf = (word & 255) + 1;
      const impact = (tf * (bm25.k1 + 1)) / (tf + norm[chunk]);
      if (impact > blockMax[block]) blockMax[block] = impact;
      let gap = chunk - last[term] - 1;
      while (gap > 127) {
        postings[at++] = (gap & 127) | 128;
        gap >>>= 7;
      }
      postings[at++] = gap;
      postings[at++] = word & 255;
      cursor[term] = at;
      seen[term] += 1;
      last[term] = chunk;
    });
    this.pages = [];
    const blockMaxImpact = roundedUp(blockMax);
    const termMaxImpact = new Float32Array(terms);
    for (let sorted = 0; sorted < terms; sorted += 1) {
      for (let block = blockStart[sorted]; block < blockStart[sorted + 1]; block += 1) termMaxImpact[sorted] = Math.max(termMaxImpact[sorted], blockMaxImpact[block]);
    }

    const chunkIdStart = new Uint32Array(chunks + 1);
    for (let chunk = 0, length = 0; chunk <= chunks; chunk += 1) {
      chunkIdStart[chunk] = length;
      if (chunk < chunks) length += this.chunkIds[chunk].length;
    }
    const ids = this.chunkIds;
    const chunkIdOrder = Uint32Array.from({ length: chunks }, (_, chunk) => chunk);
    // Rows come ordered by id in the database's collation, which need not be JavaScript's.
    if (!ids.every((id, chunk) => chunk === 0 || compare(ids[chunk - 1], id) < 0)) chunkIdOrder.sort((a, b) => compare(ids[a], ids[b]));
    return {
      chunkCount: chunks,
      chunkIds: ids.join(""),
      chunkIdStart,
      chunkIdOrder,
      chunkDocument: Int32Array.from(this.chunkDocument),
      chunkLength: Int32Array.from(this.chunkLength),
      documentIds: this.documentIds,
      lexicon: order.map((term) => lexemes[term]).join(""),
      lexemeStart,
      termDf,
      termStart,
      postings,
      blockStart,
      blockChunk,
      blockByte,
      blockMaxImpact,
      termMaxImpact,
      impactAverageLength,
      postingCount: this.postings,
      tokenSum: this.tokenSum,
    };
  }
}

/**
 * Float32 copies never below the doubles (4 B a block instead of 8): a bound may be loose, never low.
 * @param {Float64Array} values
 */
function roundedUp(values) {
  const rounded = new Float32Array(values.length);
  for (let at = 0; at < values.length; at += 1) {
    rounded[at] = values[at];
    // Nearest float32 may be below; the next one up is at most 2^-23 relatively higher.
    if (rounded[at] < values[at]) rounded[at] = values[at] * (1 + 2 ** -22);
  }
  return rounded;
}

/** @param {number} value */
function varintBytes(value) {
  return value < 1 << 7 ? 1 : value < 1 << 14 ? 2 : value < 1 << 21 ? 3 : value < 1 << 28 ? 4 : 5;
}

/** The typed arrays of a packed index, to transfer rather than copy. */
export function transferables(packed) {
  return [
    packed.chunkIdStart,
    packed.chunkIdOrder,
    packed.chunkDocument,
    packed.chunkLength,
    packed.lexemeStart,
    packed.termDf,
    packed.termStart,
    packed.postings,
    packed.blockStart,
    packed.blockChunk,
    packed.blockByte,
    packed.blockMaxImpact,
    packed.termMaxImpact,
  ].map((array) => array.buffer);
}

/** JavaScript's string order (UTF-16 code units), the one text-index.ts bisects by. */
function compare(a, b) {
  return a < b ? -1 : a > b ? 1 : 0;
}

const QUOTE = 39;
const BACKSLASH = 92;
const COLON = 58;
const COMMA = 44;
const SPACE = 32;
