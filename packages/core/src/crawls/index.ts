export * from "./schemas";
export { startCrawl } from "./start-crawl";
export { listCrawls } from "./list-crawls";
export { getCrawl } from "./get-crawl";
export { cancelCrawl } from "./cancel-crawl";
export { toCrawlView } from "./views";
export * from "./run";
