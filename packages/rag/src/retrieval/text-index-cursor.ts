import type { PackedTextIndex } from "./text-index-build.mjs";

/** A chunk ordinal past every chunk: a cursor's `chunk` once its postings are done. */
export const END = 0x7fff_ffff;

/**
 * A cursor over one term's packed postings (text-index-build.mjs): in chunk order, jumping whole skip blocks by their
 * first chunks, with the impact bounds of the block it is in (or the one a later chunk falls in).
 */
export class PostingCursor {
  chunk = -1;
  tf = 0;
  private at: number;
  private readonly end: number;
  private block: number;
  readonly firstBlock: number;
  readonly blocksEnd: number;
  private nextBlockByte: number;
  /** The block bounds are read at (≥ block; moves ahead without decoding). */
  private shallow: number;

  constructor(
    private readonly index: PackedTextIndex,
    readonly term: number,
  ) {
    this.at = index.termStart[term]!;
    this.end = index.termStart[term + 1]!;
    this.block = this.firstBlock = index.blockStart[term]!;
    this.blocksEnd = index.blockStart[term + 1]!;
    this.shallow = this.block;
    this.nextBlockByte = this.blockByteAt(this.block + 1);
    this.next();
  }

  next(): void {
    const postings = this.index.postings;
    let at = this.at;
    if (at >= this.end) {
      this.chunk = END;
      return;
    }
    if (at === this.nextBlockByte) {
      this.block += 1;
      this.nextBlockByte = this.blockByteAt(this.block + 1);
    }
    let value = postings[at++]!;
    let gap = value & 127;
    for (let shift = 7; value > 127; shift += 7) {
      value = postings[at++]!;
      gap |= (value & 127) << shift;
    }
    this.chunk += gap + 1;
    this.tf = postings[at++]! + 1;
    this.at = at;
  }

  /** Moves to the first posting at or after `target`, jumping over whole blocks by their first chunks. */
  advance(target: number): void {
    if (this.chunk >= target) return;
    const blockChunk = this.index.blockChunk;
    if (this.block + 1 < this.blocksEnd && blockChunk[this.block + 1]! <= target) {
      const shallow = this.shallow;
      this.seekBlock(this.lastBlockFrom(this.block + 1, target));
      if (this.shallow < shallow) this.shallow = shallow;
    }
    while (this.chunk < target) this.next();
  }

  /** The highest impact of any posting at or after `target` up to the next block's first chunk. */
  blockBound(target: number): number {
    let block = this.shallow < this.block ? this.block : this.shallow;
    const blockChunk = this.index.blockChunk;
    if (block + 1 < this.blocksEnd && blockChunk[block + 1]! <= target) block = this.lastBlockFrom(block + 1, target);
    this.shallow = block;
    return this.index.blockMaxImpact[block]!;
  }

  /** The first chunk after the block `blockBound` last read (END for the last block). */
  blockEnd(): number {
    const next = this.shallow + 1;
    return next < this.blocksEnd ? this.index.blockChunk[next]! : END;
  }

  /** Moves to the first posting of one of this term's blocks (back or ahead; bounds are then read from there on). */
  seekBlock(block: number): void {
    const postings = this.index.postings;
    let at = this.index.blockByte[block]!;
    // A block's first gap counts from the previous block; its chunk is kept with the block.
    while (postings[at++]! > 127);
    this.chunk = this.index.blockChunk[block]!;
    this.tf = postings[at++]! + 1;
    this.at = at;
    this.block = this.shallow = block;
    this.nextBlockByte = this.blockByteAt(block + 1);
  }

  /** The last block from `from` (whose first chunk is ≤ target) whose first chunk is ≤ target: galloping, then bisection. */
  private lastBlockFrom(from: number, target: number): number {
    const blockChunk = this.index.blockChunk;
    let low = from;
    let step = 1;
    while (low + step < this.blocksEnd && blockChunk[low + step]! <= target) {
      low += step;
      step *= 2;
    }
    let high = Math.min(low + step, this.blocksEnd) - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (blockChunk[middle]! <= target) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  private blockByteAt(block: number): number {
    return block < this.blocksEnd ? this.index.blockByte[block]! : -1;
  }
}
