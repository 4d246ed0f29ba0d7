import type { PrismaClient } from "@frontdesk/db";
import { z } from "zod";
import { postingCount, type ScoringStrategy, type TextIndex } from "./text-index";
import { loadTextIndex } from "./text-index-load";

export interface TextIndexOptions {
  /** Searches whose knowledge bases hold fewer chunks keep the SQL path (exact there, and as fast). */
  minChunks: number;
  /** Postings all of a process's indexes may hold together (~3 B each); a knowledge base over it keeps the SQL path. */
  maxPostings: number;
  /** Wait before a rebuild after a change is seen, so a bulk ingestion does not rebuild after every batch. */
  rebuildDelayMs: number;
  /** How queries are scored on an index: "auto" (bounded for queries of many postings), or always "exhaustive" / "bounded" (benches). */
  scoring: ScoringStrategy;
}

/**
 * A rebuild waits at least this many times the last build's duration: a 100k-chunk build takes tens of seconds of
 * CPU (in its own thread, but on the same cores), so under continuous ingestion rebuilds take at most ~1/10 of it.
 */
const REBUILD_SPACING = 10;

/**
 * The default budget is a memory figure: 1 GiB of indexes per API process, at 3.5 B a posting with its share of the
 * lexicon and chunk ids (measured 3.7 B at 10k Zipf chunks, less at 100k and 1M: bench/README.md), so ~300M postings,
 * ~1.5M chunks of 150–400 words. A build in its thread needs another ~4 B a posting while it runs.
 */
const DEFAULT_INDEX_BYTES = 2 ** 30;
const BYTES_PER_POSTING = 3.5;

const environment = z.object({
  FRONTDESK_SEARCH_INDEX_MIN_CHUNKS: z.coerce.number().int().min(0).default(5_000),
  FRONTDESK_SEARCH_INDEX_MAX_POSTINGS: z.coerce.number().int().min(0).default(Math.floor(DEFAULT_INDEX_BYTES / BYTES_PER_POSTING)),
  FRONTDESK_SEARCH_INDEX_REBUILD_DELAY_MS: z.coerce.number().int().min(0).default(2_000),
  FRONTDESK_SEARCH_INDEX_SCORING: z.enum(["auto", "exhaustive", "bounded"]).default("auto"),
});

/** Options from the environment (README configuration table); FRONTDESK_SEARCH_INDEX_MAX_POSTINGS=0 turns the index off. */
export function textIndexOptionsFromEnv(env: Record<string, string | undefined> = process.env): TextIndexOptions {
  const values = environment.parse(Object.fromEntries(Object.entries(env).filter(([key, value]) => key.startsWith("FRONTDESK_SEARCH_INDEX_") && value !== "")));
  return {
    minChunks: values.FRONTDESK_SEARCH_INDEX_MIN_CHUNKS,
    maxPostings: values.FRONTDESK_SEARCH_INDEX_MAX_POSTINGS,
    rebuildDelayMs: values.FRONTDESK_SEARCH_INDEX_REBUILD_DELAY_MS,
    scoring: values.FRONTDESK_SEARCH_INDEX_SCORING,
  };
}

interface Entry {
  index?: TextIndex;
  lastUsed: number;
  building?: Promise<TextIndex | undefined>;
  timer?: NodeJS.Timeout;
  /** Over the budget at this generation: not tried again until the knowledge base changes. */
  tooLargeAt?: bigint;
  lastBuildMs: number;
}

/**
 * One process's in-memory full-text indexes (text-index.ts) of one database, per knowledge base. An index is used
 * only for the generation it was built at (the caller reads the current one in its query, so a write by any
 * process is seen at once); a stale or missing one is rebuilt in the background, one build per knowledge base at
 * a time, after `rebuildDelayMs` and at least `REBUILD_SPACING` times the last build's duration after it, so that a
 * bulk ingestion (a generation per batch) costs a bounded share of the process. Least recently used indexes make room for a new
 * one within `maxPostings`.
 */
export class TextIndexCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly prisma: PrismaClient,
    readonly options: TextIndexOptions,
  ) {}

  /** The index of this knowledge base at this generation, or undefined (then a rebuild is scheduled). */
  current(knowledgeBaseId: string, generation: bigint): TextIndex | undefined {
    const entry = this.entry(knowledgeBaseId);
    entry.lastUsed = Date.now();
    if (entry.index?.generation === generation) return entry.index;
    // Generations only grow: a stale index can never be used again.
    entry.index = undefined;
    if (entry.tooLargeAt !== generation && !entry.building && !entry.timer && this.options.maxPostings > 0) {
      const delay = Math.max(this.options.rebuildDelayMs, REBUILD_SPACING * entry.lastBuildMs);
      entry.timer = setTimeout(() => {
        entry.timer = undefined;
        void this.build(knowledgeBaseId);
      }, delay);
      entry.timer.unref?.();
    }
    return undefined;
  }

  /** Builds (or joins the running build of) this knowledge base's index now; for benches, tests and warm-up. */
  async build(knowledgeBaseId: string): Promise<TextIndex | undefined> {
    const entry = this.entry(knowledgeBaseId);
    if (entry.building) return entry.building;
    if (entry.timer) {
      clearTimeout(entry.timer);
      entry.timer = undefined;
    }
    const started = performance.now();
    entry.building = loadTextIndex(this.prisma, knowledgeBaseId, this.options.maxPostings)
      .then((result) => {
        if (result.kind === "too-large") entry.tooLargeAt = result.generation;
        if (result.kind !== "built") return undefined;
        this.makeRoom(knowledgeBaseId, postingCount(result.index));
        entry.index = result.index;
        return result.index;
      })
      .catch(() => undefined) // The SQL path serves meanwhile; the next stale query schedules another try.
      .finally(() => {
        entry.building = undefined;
        entry.lastBuildMs = performance.now() - started;
      });
    return entry.building;
  }

  /** The indexes held (for benches: their memory). */
  indexes(): TextIndex[] {
    return [...this.entries.values()].flatMap((entry) => (entry.index ? [entry.index] : []));
  }

  /** Drops every index and pending rebuild (tests; a closing database). */
  clear(): void {
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
  }

  private entry(knowledgeBaseId: string): Entry {
    let entry = this.entries.get(knowledgeBaseId);
    if (!entry) {
      entry = { lastUsed: Date.now(), lastBuildMs: 0 };
      this.entries.set(knowledgeBaseId, entry);
    }
    return entry;
  }

  private makeRoom(knowledgeBaseId: string, postings: number): void {
    const held = [...this.entries.entries()].filter(([id, entry]) => id !== knowledgeBaseId && entry.index);
    let total = held.reduce((sum, [, entry]) => sum + postingCount(entry.index!), 0);
    for (const [, entry] of held.sort((a, b) => a[1].lastUsed - b[1].lastUsed)) {
      if (total + postings <= this.options.maxPostings) break;
      total -= postingCount(entry.index!);
      entry.index = undefined;
    }
  }
}

const caches = new WeakMap<PrismaClient, TextIndexCache>();

/** The cache of this database client (each client is one database; tests open many in one process). */
export function textIndexCache(prisma: PrismaClient, options?: Partial<TextIndexOptions>): TextIndexCache {
  let cache = caches.get(prisma);
  if (!cache || options) {
    cache?.clear();
    cache = new TextIndexCache(prisma, { ...textIndexOptionsFromEnv(), ...options });
    caches.set(prisma, cache);
  }
  return cache;
}
