// The SentencePiece tokenizer of Universal Sentence Encoder lite, giving exactly the ids of @energetic-ai/embeddings'
// Tokenizer (same Viterbi, same tie-breaking, same quirks), without its per-position array copies and object-keyed
// lattice: that one spent ~20 ms of CPU on a 1,100-character chunk, about a tenth of the chunk's embedding.
// Plain JavaScript so the model thread starts without a TypeScript loader.

const SEPARATOR = "\u2581";
/** Vocabulary entries before this index are control symbols, never matched in text. */
const RESERVED_SYMBOLS = 6;

/** @param {ReadonlyArray<readonly [string, number]>} vocabulary */
export function createUseLiteTokenizer(vocabulary) {
  const root = newNode(0);
  for (let index = RESERVED_SYMBOLS; index < vocabulary.length; index += 1) {
    const [piece, score] = vocabulary[index];
    let node = root;
    let depth = 0;
    for (const symbol of piece) {
      const code = symbol.codePointAt(0);
      depth += 1;
      let child = node.children.get(code);
      if (!child) node.children.set(code, (child = newNode(depth)));
      node = child;
    }
    if (node !== root) {
      // A repeated piece keeps the score and id of its last entry, as the reference trie does.
      node.end = true;
      node.score = score;
      node.index = index;
    }
  }
  // The backtrack steps back by a piece's UTF-16 length (the reference's arithmetic), not its symbol count.
  const stepBack = vocabulary.map(([piece]) => piece.length);

  /** @param {string} text @returns {number[]} */
  function encode(text) {
    const normalized = text.normalize("NFKC");
    const input = normalized.length > 0 ? SEPARATOR + normalized.replace(/ /g, SEPARATOR) : normalized;
    const codes = [];
    for (const symbol of input) codes.push(symbol.codePointAt(0));
    const length = codes.length;
    const best = new Float64Array(length + 1);
    const words = new Int32Array(length + 1);
    // Relaxing edges start by start is the reference's order end by end, start ascending: each end sees its
    // candidates in the same order, so ties ("score >= best") resolve the same way.
    for (let start = 0; start < length; start += 1) {
      let node = root.children.get(codes[start]);
      let matched = false;
      for (let position = start; position < length && node; position += 1) {
        if (node.end) {
          matched = true;
          relax(best, words, start + node.depth, node.score + best[start], node.index);
        }
        node = position + 1 < length ? node.children.get(codes[position + 1]) : undefined;
      }
      // No piece starts here: one unknown symbol (id 0, score 0).
      if (!matched) relax(best, words, start + 1, best[start], 0);
    }
    const reversed = [];
    for (let position = length; position > 0; position -= stepBack[words[position]]) reversed.push(words[position]);
    // Runs of unknown symbols become one id 0.
    const ids = [];
    let previousUnknown = false;
    for (const id of reversed) {
      if (!(previousUnknown && id === 0)) ids.push(id);
      previousUnknown = id === 0;
    }
    return ids.reverse();
  }

  return { encode };
}

function newNode(depth) {
  return { children: new Map(), end: false, score: 0, index: 0, depth };
}

function relax(best, words, end, score, index) {
  if (best[end] === 0 || score >= best[end]) {
    best[end] = score;
    words[end] = index;
  }
}

/**
 * The graph's sparse input for a batch: `indices` holds a (row, position) pair per token, `values` the token ids.
 * @param {ReadonlyArray<ReadonlyArray<number>>} encodings
 */
export function sparseBatch(encodings) {
  let total = 0;
  for (const ids of encodings) total += ids.length;
  const indices = new Int32Array(total * 2);
  const values = new Int32Array(total);
  let offset = 0;
  encodings.forEach((ids, row) => {
    ids.forEach((id, position) => {
      indices[offset * 2] = row;
      indices[offset * 2 + 1] = position;
      values[offset] = id;
      offset += 1;
    });
  });
  return { indices, values };
}
