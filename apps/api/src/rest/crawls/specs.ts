import { crawlSchema, listCrawlsInput, startCrawlInput } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, jsonResponse as json, problems } from "../problem-schemas";

const tags = ["Crawls"];
const Crawl = crawlSchema.meta({ id: "Crawl" });
const kbParams = z.object({ id: idParam("id", "Knowledge base id") });

export const startCrawlSpec = createRoute({
  method: "post",
  path: "/knowledge/bases/{id}/crawls",
  tags,
  summary: "Crawl a website into a knowledge base",
  description:
    "Queues a crawl and answers 202 at once; poll GET /knowledge/crawls/{crawlId}. Each page becomes one url document " +
    "(its canonical URL is the source). robots.txt is honoured for FrontdeskBot; crawling the same site again re-ingests only " +
    "pages that changed (conditional requests, then a text comparison). Private addresses are refused unless the server " +
    "sets ALLOW_PRIVATE_NETWORK_FETCH.",
  request: { params: kbParams, body: { required: true, content: { "application/json": { schema: startCrawlInput } } } },
  responses: { 202: json(Crawl, "Queued"), ...problems(400, 404, 422, 503) },
});

export const listCrawlsSpec = createRoute({
  method: "get",
  path: "/knowledge/bases/{id}/crawls",
  tags,
  summary: "List a knowledge base's crawls",
  request: { params: kbParams, query: listCrawlsInput },
  responses: { 200: json(z.object({ data: z.array(Crawl) }), "Crawls, newest first"), ...problems(404, 422) },
});

export const getCrawlSpec = createRoute({
  method: "get",
  path: "/knowledge/crawls/{crawlId}",
  tags,
  summary: "Get a crawl: status, page counts and why it failed",
  request: { params: z.object({ crawlId: idParam("crawlId", "Crawl id") }) },
  responses: { 200: json(Crawl, "The crawl"), ...problems(404) },
});

export const cancelCrawlSpec = createRoute({
  method: "post",
  path: "/knowledge/crawls/{crawlId}/cancel",
  tags,
  summary: "Cancel a queued or running crawl",
  description:
    "Marks the crawl `cancelled` at once; the worker stops before its next page. Pages already stored stay, and a " +
    "cancelled crawl removes no gone pages. Cancelling a cancelled crawl answers it unchanged; 409 if it already " +
    "completed or failed.",
  request: { params: z.object({ crawlId: idParam("crawlId", "Crawl id") }) },
  responses: { 200: json(Crawl, "The cancelled crawl"), ...problems(404, 409) },
});
