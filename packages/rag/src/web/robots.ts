import robotsParser from "robots-parser";

export const CRAWLER_AGENT_TOKEN = "FrontdeskBot";

/** A parsed robots.txt; `null` text means "no rules" (missing file), as RFC 9309 says for 4xx answers. */
export interface RobotsRules {
  isAllowed(url: string): boolean;
  sitemaps: string[];
  /** `Crawl-delay` of our group (else `*`) in seconds, uncapped; undefined when none or not a number ≥ 0. */
  crawlDelaySeconds?: number;
}

/**
 * Rules for our user agent: a `FrontdeskBot` group when there is one, else `*` (robots-parser picks the most
 * specific group and applies Allow/Disallow by longest match).
 */
export function parseRobots(robotsUrl: string, text: string | null): RobotsRules {
  if (text === null) return { isAllowed: () => true, sitemaps: [] };
  const robots = robotsParser(robotsUrl, text);
  const delay = robots.getCrawlDelay(CRAWLER_AGENT_TOKEN);
  return {
    // undefined means the URL is on another origin than this robots.txt: these rules say nothing about it.
    isAllowed: (url) => robots.isAllowed(url, CRAWLER_AGENT_TOKEN) !== false,
    sitemaps: robots.getSitemaps(),
    ...(typeof delay === "number" && Number.isFinite(delay) && delay > 0 ? { crawlDelaySeconds: delay } : {}),
  };
}

/** Everything is disallowed while robots.txt cannot be read (5xx, network errors): RFC 9309 §2.3.1.4. */
export const DISALLOW_ALL: RobotsRules = { isAllowed: () => false, sitemaps: [] };

export const robotsUrlFor = (url: string) => new URL("/robots.txt", url).href;
