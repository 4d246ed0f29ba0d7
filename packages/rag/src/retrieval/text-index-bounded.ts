import { BM25_K1 } from "./bm25-parameters";
import { BLOCK_POSTINGS, type PackedTextIndex } from "./text-index-build.mjs";
import { END, PostingCursor } from "./text-index-cursor";

/**
 * Exact top-k BM25 over one in-memory index without scoring every posting (block-max MaxScore): the same chunks
 * and the same scores as scoring every posting of the query's terms (text-index.ts), found by skipping what cannot
 * enter the top k. A class's score in a chunk is at most weight × IDF × the highest impact among its terms' postings
 * (kept per term and per skip block of 64 postings by the build, text-index-build.mjs), so:
 * - classes are sorted by that bound; while the smallest ones together stay under the k-th best score so far
 *   (`floor`), a chunk holding only those cannot enter, and only the other ("essential") classes' postings are
 *   walked to find candidates; the others are looked up in each candidate (skip blocks, ≤ 64 postings decoded);
 * - before a candidate is scored, the bounds of the skip blocks it falls in replace the terms' bounds, and a run of
 *   chunks whose blocks together cannot reach the floor is skipped without decoding its postings;
 * - the walk goes in chunk order, so before it a first floor is set from the query's strongest blocks (seedFloor).
 * A chunk's score is summed in the classes' own order, as the exhaustive scorer sums it, so scores agree bit for
 * bit. Pruning compares bounds raised by SAFETY with the floor, strictly: a chunk that could tie the k-th is scored.
 */

/** One BM25 class of the query in this index: weight × IDF, and its lexemes' term ordinals with their shares of tf. */
export interface IndexClass {
  weight: number;
  members: ReadonlyArray<{ term: number; form: number }>;
}

/** What the scorer needs from the top k: its size, its floor (the k-th best score, 0 until k chunks are held) and a way in. */
export interface TopKSink {
  readonly limit: number;
  floor(): number;
  /** Whether a chunk may be kept at all (its document ready and let through by the filters). */
  accepts(chunk: number): boolean;
  consider(chunk: number, value: number): void;
}

/** Bounds are raised by this factor before a comparison: float rounding of differently ordered sums stays far below it. */
const SAFETY = 1 + 1e-9;
/** Postings (per k kept) read from the query's strongest blocks to set a first floor before the walk. */
const SEED_POSTINGS_PER_HIT = 8;


/**
 * Scores `classes` (in the exhaustive scorer's order) over one index into `top`, skipping chunks that cannot
 * enter it. `norm` is k1·(1−b+b·dl/avgdl) per chunk at the query's average length `averageLength`.
 */
export function scoreBoundedIndex(index: PackedTextIndex, classes: readonly IndexClass[], norm: Float64Array, averageLength: number, top: TopKSink): void {
  // Impacts were bounded at the index's own average length; at a larger one (several knowledge bases searched at
  // once) every length norm shrinks by at most impactAverageLength / averageLength, so impacts grow by at most its
  // inverse: tf/(tf + r·n) ≤ tf/(r·(tf + n)) for r ≤ 1.
  const scale = Math.max(1, averageLength / index.impactAverageLength) * SAFETY;
  const count = classes.length;
  // Lexemes this index lacks add nothing.
  const present = classes.map((termClass) => termClass.members.filter((member) => member.term >= 0));
  const cursors = present.map((members) => members.map((member) => new PostingCursor(index, member.term)));
  const forms = present.map((members) => members.map((member) => member.form));
  // A form counting more than once (never today: other forms count FORM_WEIGHT < 1) scales its bound.
  const reach = forms.map((shares) => shares.map((share) => Math.max(1, share)));
  const weights = classes.map((termClass) => termClass.weight);
  const upper = present.map((members, at) => members.reduce((sum, member, m) => sum + reach[at]![m]! * index.termMaxImpact[member.term]!, 0) * weights[at]! * scale);
  // Classes by bound, smallest first; prefix[i]: the bounds of order[0..i] together.
  const order = Array.from({ length: count }, (_, at) => at).sort((a, b) => upper[a]! - upper[b]!);
  const prefix = new Float64Array(count);
  order.forEach((at, i) => (prefix[i] = (i > 0 ? prefix[i - 1]! : 0) + upper[at]!));
  const contribution = new Float64Array(count);
  const blockBounds = new Float64Array(count);
  /** Classes order[0..lazy) are only looked up in candidates: together they stay under the floor. */
  let lazy = 0;
  /** The cursors of the other classes, whose postings bring the candidates. */
  let essential = cursors.flat();
  /** Every chunk in [region start, regionUntil) scores at most regionBound (the essential blocks' bounds there). */
  let regionUntil = -1;
  let regionBound = 0;

  const classBlockBound = (at: number, chunk: number) => {
    const members = cursors[at]!;
    let bound = 0;
    for (let m = 0; m < members.length; m += 1) bound += reach[at]![m]! * members[m]!.blockBound(chunk);
    return bound * weights[at]! * scale;
  };

  const seeded = seedFloor(index, cursors, forms, weights, reach, scale, norm, top);
  for (;;) {
    const floor = Math.max(top.floor(), seeded);
    if (lazy < count && prefix[lazy]! < floor) {
      while (lazy < count && prefix[lazy]! < floor) lazy += 1;
      if (lazy === count) return;
      essential = order.slice(lazy).flatMap((at) => cursors[at]!);
      regionUntil = -1;
    }
    let chunk = END;
    for (let c = 0; c < essential.length; c += 1) if (essential[c]!.chunk < chunk) chunk = essential[c]!.chunk;
    if (chunk === END) return;
    const lazyBound = lazy > 0 ? prefix[lazy - 1]! : 0;

    if (floor > 0) {
      // A run of chunks from here to the nearest end of an essential block: each essential term with a posting in
      // it adds its block's bound there; one whose next posting lies past the run adds nothing (a rare term's one
      // block spans every chunk, but it is absent from most runs). Computed once per run (the floor only rises, so a
      // run found too weak stays too weak).
      if (chunk >= regionUntil) {
        regionUntil = END;
        for (let c = 0; c < essential.length; c += 1) {
          essential[c]!.blockBound(chunk);
          regionUntil = Math.min(regionUntil, essential[c]!.blockEnd());
        }
        regionBound = lazyBound;
        for (let i = lazy; i < count; i += 1) {
          const at = order[i]!;
          const members = cursors[at]!;
          let bound = 0;
          for (let m = 0; m < members.length; m += 1) if (members[m]!.chunk < regionUntil) bound += reach[at]![m]! * members[m]!.blockBound(chunk);
          regionBound += bound * weights[at]! * scale;
        }
      }
      if (regionBound < floor) {
        for (let c = 0; c < essential.length; c += 1) essential[c]!.advance(regionUntil);
        continue;
      }
    }

    // A lazy class adds nothing unless looked up below (it may have been essential for the last candidate).
    for (let i = 0; i < lazy; i += 1) contribution[order[i]!] = 0;
    let partial = 0;
    for (let i = lazy; i < count; i += 1) {
      const at = order[i]!;
      const members = cursors[at]!;
      let tf = 0;
      for (let m = 0; m < members.length; m += 1) {
        const cursor = members[m]!;
        if (cursor.chunk !== chunk) continue;
        tf += forms[at]![m]! * cursor.tf;
        cursor.next();
      }
      const value = tf > 0 ? (weights[at]! * tf * (BM25_K1 + 1)) / (tf + norm[chunk]!) : 0;
      contribution[at] = value;
      partial += value;
    }

    if (lazy > 0) {
      let pruned = partial * SAFETY + lazyBound < floor;
      if (!pruned) {
        let rest = 0;
        for (let i = 0; i < lazy; i += 1) rest += blockBounds[order[i]!] = classBlockBound(order[i]!, chunk);
        pruned = partial * SAFETY + rest < floor;
        // The lazy classes from the largest bound down, while the chunk can still reach the floor.
        for (let i = lazy - 1; i >= 0 && !pruned; i -= 1) {
          const at = order[i]!;
          const members = cursors[at]!;
          let tf = 0;
          for (let m = 0; m < members.length; m += 1) {
            const cursor = members[m]!;
            cursor.advance(chunk);
            if (cursor.chunk === chunk) tf += forms[at]![m]! * cursor.tf;
          }
          const value = tf > 0 ? (weights[at]! * tf * (BM25_K1 + 1)) / (tf + norm[chunk]!) : 0;
          contribution[at] = value;
          partial += value;
          rest -= blockBounds[at]!;
          pruned = partial * SAFETY + rest < floor;
        }
      }
      if (pruned) continue;
    }

    // The exhaustive scorer's sum: class by class in the query's order.
    let score = 0;
    for (let at = 0; at < count; at += 1) score += contribution[at]!;
    top.consider(chunk, score);
  }
}

/**
 * A first floor, before any chunk is scored: chunks are walked in chunk order, so the k-th best so far starts at
 * whatever the first k chunks score, and little can be skipped until the walk has met the strong chunks. The
 * postings of the query's strongest skip blocks (by each class's weight × block bound) are read first; each chunk
 * they hold gets a lower bound of its score (per class the largest of its forms' contributions seen: BM25's
 * saturation is concave, so a class's score is at least any one form's), and the k-th best lower bound among
 * chunks the top k accepts is one the final k-th best score cannot be under. 0 when fewer than k such chunks.
 */
function seedFloor(
  index: PackedTextIndex,
  cursors: readonly PostingCursor[][],
  forms: readonly number[][],
  weights: readonly number[],
  reach: readonly number[][],
  scale: number,
  norm: Float64Array,
  top: TopKSink,
): number {
  const wanted = Math.ceil((SEED_POSTINGS_PER_HIT * top.limit) / BLOCK_POSTINGS);
  // The strongest blocks of all classes' terms: [bound, class, member, block], best `wanted` kept.
  const strongest: Array<[number, number, number, number]> = [];
  let weakest = 0;
  cursors.forEach((members, at) =>
    members.forEach((cursor, m) => {
      for (let block = cursor.firstBlock; block < cursor.blocksEnd; block += 1) {
        const bound = weights[at]! * reach[at]![m]! * scale * index.blockMaxImpact[block]!;
        if (strongest.length >= wanted && bound <= weakest) continue;
        strongest.push([bound, at, m, block]);
        if (strongest.length >= 2 * wanted) {
          strongest.sort((a, b) => b[0] - a[0]).length = wanted;
          weakest = strongest[wanted - 1]![0];
        }
      }
    }),
  );
  strongest.sort((a, b) => b[0] - a[0]).length = Math.min(strongest.length, wanted);
  const partial = new Map<number, Float64Array>();
  for (const [, at, m, block] of strongest) {
    // A cursor of its own: the walk's cursors stay at their first postings.
    const cursor = new PostingCursor(index, cursors[at]![m]!.term);
    cursor.seekBlock(block);
    for (const end = cursor.blockEnd(); cursor.chunk < end; cursor.next()) {
      let classes = partial.get(cursor.chunk);
      if (!classes) partial.set(cursor.chunk, (classes = new Float64Array(cursors.length)));
      const share = forms[at]![m]! * cursor.tf;
      classes[at] = Math.max(classes[at]!, (weights[at]! * share * (BM25_K1 + 1)) / (share + norm[cursor.chunk]!));
    }
  }
  const lower: number[] = [];
  for (const [chunk, classes] of partial) if (top.accepts(chunk)) lower.push(classes.reduce((sum, value) => sum + value, 0));
  if (lower.length < top.limit) return 0;
  // The k-th largest, a little lower: the exact score sums the same contributions in another order.
  return lower.sort((a, b) => b - a)[top.limit - 1]! / SAFETY;
}
