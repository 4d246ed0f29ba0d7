export { canonicalizeUrl } from "./canonical-url";
export { WebFetchError, type WebFetchErrorCode } from "./web-fetch-error";
export { CRAWLER_USER_AGENT, fetchWebResource, type WebFetchOptions, type WebResource } from "./fetch-web-resource";
export { readWebPage, type WebPage } from "./read-web-page";
export { CRAWLER_AGENT_TOKEN, parseRobots, type RobotsRules } from "./robots";
export { parseSitemap, type ParsedSitemap } from "./sitemap";
export { matchesUrlPattern, passesUrlFilters } from "./url-patterns";
export {
  CrawlStartError,
  crawlNextBatch,
  isCrawlComplete,
  isCrawlDone,
  MAX_CRAWL_DELAY_MS,
  startSiteCrawl,
  type CrawlCounts,
  type CrawledResource,
  type CrawlEnvironment,
  type CrawlHandler,
  type CrawlSettings,
  type CrawlState,
} from "./crawl-site";
