import pLimit from "p-limit";
import { decodeText } from "../loaders/decode-text";
import { ExtractionError } from "../loaders/extraction-error";
import { inThreadReader, type ContentReader } from "../sandbox/content-reader";
import { canonicalizeUrl } from "./canonical-url";
import { fetchWebResource, type WebFetchOptions, type WebResource } from "./fetch-web-resource";
import { DISALLOW_ALL, parseRobots, robotsUrlFor, type RobotsRules } from "./robots";
import { passesUrlFilters } from "./url-patterns";
import { isUnresolvableHost, unresolvableHostError, WebFetchError } from "./web-fetch-error";

export interface CrawlSettings {
  startUrl: string;
  /** url: follow links from startUrl; sitemap: fetch the pages a sitemap lists (startUrl is a sitemap, or a site whose robots.txt / sitemap.xml names one). */
  mode: "url" | "sitemap";
  /** Link hops from the start page (url mode; sitemap pages are not followed). */
  maxDepth: number;
  /** Pages fetched at most, failures and skipped non-HTML included; robots-disallowed URLs are never fetched. */
  maxPages: number;
  sameOrigin: boolean;
  /** Patterns for discovered URLs (see matchesUrlPattern); the start URL is always fetched. */
  include: string[];
  exclude: string[];
}

export interface CrawlEnvironment {
  fetch: Pick<WebFetchOptions, "maxBytes" | "timeoutMs" | "userAgent" | "assertDestination" | "fetch">;
  /** Pages fetched at once (default 2: polite to small sites); one at a time on an origin with a Crawl-delay. */
  concurrency?: number;
  /**
   * Parses pages and sitemaps (default: in this thread). The server passes its ExtractionSandbox, so a hostile
   * page fails alone (counted in `failures` with the reason) instead of taking the process down.
   */
  reader?: Pick<ContentReader, "readWebPage" | "parseSitemap">;
  /** Longest robots.txt `Crawl-delay` honoured (default MAX_CRAWL_DELAY_MS): a larger one is cut to this. */
  maxCrawlDelayMs?: number;
}

/** 10 s: a robots.txt asking for more (some ask for hours) must not stall a worker; we still wait this long. */
export const MAX_CRAWL_DELAY_MS = 10_000;

export interface CrawlCounts {
  discovered: number;
  ingested: number;
  unchanged: number;
  skipped: number;
  failed: number;
}

interface QueuedUrl {
  url: string;
  depth: number;
}

/** Everything needed to continue a crawl: plain JSON, so it can travel between durable steps. */
export interface CrawlState {
  scopeOrigin: string;
  queue: QueuedUrl[];
  /** Canonical URLs ever queued or fetched. */
  seen: string[];
  /** Canonical URLs whose content has been handled: a second URL with the same canonical is a duplicate. */
  done: string[];
  fetched: number;
  /** robots.txt per origin: its text, null when there is none, false when it could not be read. */
  robots: Record<string, string | null | false>;
  counts: CrawlCounts;
  failures: Array<{ url: string; reason: string }>;
  /** URLs that answered 404 or 410: their pages are gone, whether or not the crawl saw the whole site. */
  gone: string[];
  /**
   * The crawl could not see its whole scope even once the queue is empty: URLs were dropped to keep the queue
   * bounded, or a sitemap could not be read. Only a crawl that is not partial and ended with an empty queue (not
   * at maxPages) may conclude that a page it did not find is gone (see isCrawlComplete).
   */
  partial: boolean;
  /** The handler said the crawl was cancelled: nothing more is fetched and isCrawlDone is true. */
  cancelled?: boolean;
  /** When the last request to each origin started (epoch ms), to keep its Crawl-delay across batches and steps. */
  lastRequestAt?: Record<string, number>;
}

/** What the crawler found at one URL, for the caller to store. */
export type CrawledResource =
  | { kind: "page"; url: string; canonicalUrl: string; title: string | undefined; text: string; links: string[]; etag: string | null; lastModified: string | null }
  | { kind: "file"; url: string; canonicalUrl: string; mimeType: string; bytes: Uint8Array; etag: string | null; lastModified: string | null }
  | { kind: "not_modified"; url: string; canonicalUrl: string; etag: string | null; lastModified: string | null };

export interface CrawlHandler {
  /** Validators stored for a canonical URL by an earlier crawl, to ask for a 304. */
  validatorsFor(url: string): Promise<{ etag: string | null; lastModified: string | null } | null>;
  /**
   * Stores what was found. Returns how it counted and, for `not_modified`, the links remembered from the last
   * time (the crawler cannot read them from a 304).
   */
  store(resource: CrawledResource): Promise<{ outcome: "ingested" | "unchanged" | "skipped"; links?: string[] }>;
  /**
   * A URL this crawl could not read for a reason that says nothing about the page being gone (timeouts, 5xx,
   * an unreadable robots.txt): whatever an earlier crawl stored for it is to be kept.
   */
  keep?(url: string): Promise<void>;
  /** Asked before every page is fetched: true stops the crawl there (see CrawlState.cancelled); pages not fetched stay queued. */
  isCancelled?(): Promise<boolean>;
}

/** The crawl cannot start or its start page cannot be read: the whole crawl fails with this reason. */
export class CrawlStartError extends Error {
  override readonly name = "CrawlStartError";
}

const MAX_SITEMAPS = 50;
/** Queued URLs kept per page still allowed: enough to replace disallowed and duplicate ones, bounded for step state. */
const QUEUE_PER_PAGE = 4;

/** The state plus lookup sets while a batch runs (membership tests stay O(1) on large sites). */
interface WorkingCrawl {
  state: CrawlState;
  seen: Set<string>;
  done: Set<string>;
}

const working = (state: CrawlState): WorkingCrawl => ({ state, seen: new Set(state.seen), done: new Set(state.done) });

/** Writes the sets back into the plain state. */
function settle(crawl: WorkingCrawl): CrawlState {
  crawl.state.seen = [...crawl.seen];
  crawl.state.done = [...crawl.done];
  return crawl.state;
}

const MAX_ROBOTS_BYTES = 500 * 1024;

/** Checks the start URL, reads robots.txt and (sitemap mode) the sitemaps, and returns the initial state. */
export async function startSiteCrawl(settings: CrawlSettings, env: CrawlEnvironment): Promise<CrawlState> {
  const start = canonicalizeUrl(settings.startUrl);
  if (!start) throw new CrawlStartError(`"${settings.startUrl}" is not an http(s) URL`);
  if (env.fetch.assertDestination) {
    try {
      await env.fetch.assertDestination(new URL(start));
    } catch (error) {
      if (isUnresolvableHost(error)) throw new CrawlStartError(unresolvableHostError(new URL(start), error).message);
      throw new CrawlStartError(`${start} is not allowed: ${(error as Error).message}`);
    }
  }
  const state: CrawlState = {
    scopeOrigin: new URL(start).origin,
    queue: [],
    seen: [],
    done: [],
    fetched: 0,
    robots: {},
    counts: { discovered: 0, ingested: 0, unchanged: 0, skipped: 0, failed: 0 },
    failures: [],
    gone: [],
    partial: false,
  };
  const robots = await robotsFor(state, start, env);
  const crawl = working(state);

  if (settings.mode === "url") {
    if (!robots.isAllowed(start)) {
      throw new CrawlStartError(
        state.robots[state.scopeOrigin] === false
          ? `${robotsUrlFor(start)} could not be read, so nothing may be crawled`
          : `robots.txt disallows ${start} for FrontdeskBot`,
      );
    }
    enqueue(crawl, settings, start, 0);
    state.lastRequestAt = { [state.scopeOrigin]: Date.now() };
    return settle(crawl);
  }

  const { pages, complete } = await readSitemaps(start, robots, env);
  state.lastRequestAt = { [state.scopeOrigin]: Date.now() };
  if (!complete) state.partial = true;
  for (const page of pages) {
    if (inScope(state, settings, page)) enqueue(crawl, settings, page, 0);
  }
  if (state.queue.length === 0) throw new CrawlStartError(`the sitemap for ${start} lists no pages to crawl`);
  return settle(crawl);
}

/**
 * Fetches up to `batchSize` more pages (in waves of `concurrency`), hands each to the handler and queues the
 * links it found. Returns the new state; the crawl is over when `isCrawlDone(state, settings)`.
 */
export async function crawlNextBatch(
  previous: CrawlState,
  settings: CrawlSettings,
  env: CrawlEnvironment,
  handler: CrawlHandler,
  batchSize = 10,
): Promise<CrawlState> {
  const state: CrawlState = structuredClone(previous);
  const crawl = working(state);
  const limit = pLimit(env.concurrency ?? 2);
  let processed = 0;

  while (processed < batchSize && !isCrawlDone(state, settings)) {
    const wave: QueuedUrl[] = [];
    const delays = new Map<QueuedUrl, number>();
    while (wave.length < Math.min(batchSize - processed, settings.maxPages - state.fetched) && state.queue.length > 0) {
      const next = state.queue.shift()!;
      const robots = await robotsFor(state, next.url, env);
      if (!robots.isAllowed(next.url)) {
        state.counts.skipped += 1;
        // An unreadable robots.txt forbids fetching for now; it does not mean the page is gone.
        if (state.robots[new URL(next.url).origin] === false) await handler.keep?.(next.url);
        continue;
      }
      const delayMs = crawlDelayMs(robots, env);
      if (delayMs > 0) {
        // An origin with a Crawl-delay gets one request at a time: this page goes alone, in its own wave.
        if (wave.length > 0) {
          state.queue.unshift(next);
          break;
        }
        delays.set(next, delayMs);
        wave.push(next);
        state.fetched += 1;
        break;
      }
      wave.push(next);
      state.fetched += 1;
    }
    if (wave.length === 0) continue;
    processed += wave.length;

    const results = await Promise.all(
      wave.map((item) =>
        limit(async (): Promise<FetchOutcome> => {
          if (state.cancelled || (await handler.isCancelled?.())) {
            state.cancelled = true;
            return { kind: "cancelled" };
          }
          const origin = new URL(item.url).origin;
          const wait = (state.lastRequestAt?.[origin] ?? 0) + (delays.get(item) ?? 0) - Date.now();
          if (wait > 0) await sleep(wait);
          (state.lastRequestAt ??= {})[origin] = Date.now();
          const outcome = await fetchOne(item, state, env, handler);
          // The delay counts from the end of the previous request, so the site sees at least that much quiet
          // between requests however long each one took on the way.
          state.lastRequestAt[origin] = Date.now();
          return outcome;
        }),
      ),
    );
    const unfetched: QueuedUrl[] = [];
    for (const [index, result] of results.entries()) {
      const item = wave[index]!;
      if (result.kind === "cancelled") {
        state.fetched -= 1;
        unfetched.push(item);
        continue;
      }
      if (result.kind === "failed") {
        if (settings.mode === "url" && item.depth === 0) {
          throw new CrawlStartError(`the start page could not be read: ${result.reason}`);
        }
        state.counts.failed += 1;
        state.failures.push({ url: item.url, reason: result.reason });
        if (result.gone) (state.gone ??= []).push(item.url);
        else await handler.keep?.(item.url);
        continue;
      }
      if (result.kind === "skipped") {
        state.counts.skipped += 1;
        continue;
      }
      await handleResource(crawl, settings, item, result.resource, handler);
    }
    state.queue.unshift(...unfetched);
  }
  return settle(crawl);
}

export function isCrawlDone(state: CrawlState, settings: Pick<CrawlSettings, "maxPages">): boolean {
  return state.cancelled === true || state.queue.length === 0 || state.fetched >= settings.maxPages;
}

/**
 * The finished crawl saw everything in its scope: its queue ran empty (it did not stop at maxPages with URLs
 * left) and nothing was dropped on the way. Then a page an earlier crawl found but this one did not is gone.
 */
export function isCrawlComplete(state: CrawlState): boolean {
  return state.queue.length === 0 && state.partial !== true && state.cancelled !== true;
}

async function handleResource(crawl: WorkingCrawl, settings: CrawlSettings, item: QueuedUrl, resource: CrawledResource, handler: CrawlHandler) {
  const { state } = crawl;
  const { canonicalUrl } = resource;
  if (crawl.done.has(canonicalUrl) || !inScope(state, settings, canonicalUrl, { ignoreFilters: true })) {
    state.counts.skipped += 1;
    return;
  }
  crawl.done.add(canonicalUrl);
  crawl.seen.add(canonicalUrl);

  const stored = await handler.store(resource);
  state.counts[stored.outcome] += 1;

  const links = resource.kind === "page" ? resource.links : (stored.links ?? []);
  if (settings.mode !== "url" || item.depth + 1 > settings.maxDepth) return;
  for (const link of links) {
    if (!crawl.seen.has(link) && inScope(state, settings, link)) enqueue(crawl, settings, link, item.depth + 1);
  }
}

/** The origin's robots.txt Crawl-delay in ms, capped at env.maxCrawlDelayMs (MAX_CRAWL_DELAY_MS); 0 for none. */
function crawlDelayMs(robots: RobotsRules, env: CrawlEnvironment): number {
  if (!robots.crawlDelaySeconds) return 0;
  return Math.min(robots.crawlDelaySeconds * 1000, env.maxCrawlDelayMs ?? MAX_CRAWL_DELAY_MS);
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

type FetchOutcome =
  | { kind: "resource"; resource: CrawledResource }
  | { kind: "skipped" }
  | { kind: "cancelled" }
  | { kind: "failed"; reason: string; gone: boolean };

/** 404 Not Found and 410 Gone say the page does not exist; every other failure may be passing. */
const GONE_STATUSES = new Set([404, 410]);

async function fetchOne(item: QueuedUrl, state: CrawlState, env: CrawlEnvironment, handler: CrawlHandler): Promise<FetchOutcome> {
  const validators = await handler.validatorsFor(item.url);
  let response: WebResource;
  try {
    response = await fetchWebResource(item.url, { ...env.fetch, etag: validators?.etag, lastModified: validators?.lastModified });
  } catch (error) {
    if (error instanceof WebFetchError) {
      return { kind: "failed", reason: error.message, gone: error.code === "http" && GONE_STATUSES.has(error.status ?? 0) };
    }
    throw error;
  }
  const finalUrl = canonicalizeUrl(response.url) ?? item.url;
  if (response.status === "not_modified") {
    return { kind: "resource", resource: { kind: "not_modified", url: item.url, canonicalUrl: item.url, etag: response.etag ?? validators?.etag ?? null, lastModified: response.lastModified ?? validators?.lastModified ?? null } };
  }
  const type = (response.contentType ?? "").split(";")[0]!.trim().toLowerCase();
  const { etag, lastModified } = response;
  if (type === "text/html" || type === "application/xhtml+xml" || (type === "" && looksLikeHtml(response.bytes))) {
    let page;
    try {
      page = await (env.reader ?? inThreadReader()).readWebPage(response.bytes, finalUrl);
    } catch (error) {
      if (error instanceof ExtractionError) return { kind: "failed", reason: `${item.url} could not be read: ${error.message}`, gone: false };
      throw error;
    }
    if (page.noIndex) return { kind: "skipped" };
    const links = page.noFollow ? [] : page.links;
    // A canonical on another origin (syndicated copies) says nothing about duplicates inside this crawl.
    const canonicalUrl = new URL(page.canonicalUrl).origin === new URL(finalUrl).origin ? page.canonicalUrl : finalUrl;
    return { kind: "resource", resource: { kind: "page", url: item.url, canonicalUrl, title: page.title, text: page.text, links, etag, lastModified } };
  }
  if (type === "application/pdf") {
    return { kind: "resource", resource: { kind: "file", url: item.url, canonicalUrl: finalUrl, mimeType: type, bytes: response.bytes, etag, lastModified } };
  }
  return { kind: "skipped" };
}

const looksLikeHtml = (bytes: Uint8Array) => /^\s*(<!doctype html|<html)/i.test(Buffer.from(bytes.subarray(0, 200)).toString("utf8"));

function enqueue(crawl: WorkingCrawl, settings: CrawlSettings, url: string, depth: number) {
  const { state } = crawl;
  if (state.queue.length >= (settings.maxPages - state.fetched) * QUEUE_PER_PAGE) {
    // Dropped unseen: this crawl can no longer tell that a page it did not reach is gone.
    state.partial = true;
    return;
  }
  crawl.seen.add(url);
  state.queue.push({ url, depth });
  state.counts.discovered += 1;
}

function inScope(state: CrawlState, settings: CrawlSettings, url: string, options: { ignoreFilters?: boolean } = {}): boolean {
  if (settings.sameOrigin && new URL(url).origin !== state.scopeOrigin) return false;
  return options.ignoreFilters === true || passesUrlFilters(url, settings.include, settings.exclude);
}

async function robotsFor(state: CrawlState, url: string, env: CrawlEnvironment): Promise<RobotsRules> {
  const origin = new URL(url).origin;
  if (!(origin in state.robots)) state.robots[origin] = await fetchRobots(origin, env);
  const text = state.robots[origin];
  return text === false ? DISALLOW_ALL : parseRobots(robotsUrlFor(origin), text ?? null);
}

async function fetchRobots(origin: string, env: CrawlEnvironment): Promise<string | null | false> {
  try {
    const response = await fetchWebResource(robotsUrlFor(origin), { ...env.fetch, maxBytes: MAX_ROBOTS_BYTES, accept: "text/plain,*/*;q=0.5" });
    return response.status === "ok" ? decodeText(response.bytes) : null;
  } catch (error) {
    // RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one (5xx, network) allows nothing.
    if (error instanceof WebFetchError && error.code === "http" && error.status !== undefined && error.status < 500) return null;
    if (error instanceof WebFetchError && error.code === "too_large") return null;
    return false;
  }
}

/**
 * Page URLs listed by the start sitemap, or by the sitemaps robots.txt names, or by /sitemap.xml; `complete` is
 * false when some sitemap could not be read (or there were more than MAX_SITEMAPS).
 */
async function readSitemaps(start: string, robots: RobotsRules, env: CrawlEnvironment): Promise<{ pages: string[]; complete: boolean }> {
  const pending: string[] = [start];
  const startIsSitemap = /\.xml(\.gz)?$/i.test(new URL(start).pathname);
  if (!startIsSitemap) pending.splice(0, 1, ...(robots.sitemaps.length > 0 ? robots.sitemaps : [new URL("/sitemap.xml", start).href]));
  const visited = new Set<string>();
  const pages: string[] = [];
  const errors: string[] = [];
  while (pending.length > 0 && visited.size < MAX_SITEMAPS) {
    const sitemapUrl = pending.shift()!;
    if (visited.has(sitemapUrl)) continue;
    visited.add(sitemapUrl);
    let parsed;
    try {
      const response = await fetchWebResource(sitemapUrl, { ...env.fetch, accept: "application/xml,text/xml;q=0.9,*/*;q=0.5" });
      parsed = response.status === "ok" ? await (env.reader ?? inThreadReader()).parseSitemap(response.bytes) : null;
    } catch (error) {
      if (error instanceof ExtractionError) {
        errors.push(`${sitemapUrl} could not be read: ${error.message}`);
        continue;
      }
      if (!(error instanceof WebFetchError)) throw error;
      errors.push(error.message);
      continue;
    }
    if (!parsed) {
      errors.push(`${sitemapUrl} is not a sitemap`);
      continue;
    }
    if (parsed.kind === "index") pending.push(...parsed.sitemaps);
    else {
      for (const loc of parsed.urls) {
        const url = canonicalizeUrl(loc);
        if (url && !pages.includes(url)) pages.push(url);
      }
    }
  }
  if (pages.length === 0 && errors.length > 0) throw new CrawlStartError(`no sitemap could be read: ${errors.join("; ")}`);
  return { pages, complete: errors.length === 0 && pending.every((url) => visited.has(url)) };
}
