import { cancelCrawl, getCrawl, listCrawls, listCrawlsInput, startCrawl, startCrawlInput } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { orgProcedure } from "../trpc";

const id = z.string().min(1);

/** knowledge.crawls.*: website crawls into a knowledge base (each page becomes a url document). */
export const crawlsRouter = {
  /** `{knowledgeBaseId, limit?}` → Crawl[] (newest first). */
  list: orgProcedure
    .input(listCrawlsInput.extend({ knowledgeBaseId: id }))
    .query(({ ctx, input: { knowledgeBaseId, ...page } }) => listCrawls(ctx.core, knowledgeBaseId, page)),
  /** `{knowledgeBaseId, url, mode?, maxDepth?, maxPages?, sameOrigin?, include?, exclude?}` → Crawl (status queued). */
  start: orgProcedure
    .input(startCrawlInput.extend({ knowledgeBaseId: id }))
    .mutation(({ ctx, input: { knowledgeBaseId, ...crawl } }) => startCrawl(ctx.core, knowledgeBaseId, crawl)),
  /** `{crawlId}` → Crawl: status, page counts, error and recent page failures. */
  get: orgProcedure.input(z.object({ crawlId: id })).query(({ ctx, input }) => getCrawl(ctx.core, input.crawlId)),
  /** `{crawlId}` → Crawl (status cancelled); CONFLICT if it already completed or failed. */
  cancel: orgProcedure.input(z.object({ crawlId: id })).mutation(({ ctx, input }) => cancelCrawl(ctx.core, input.crawlId)),
} satisfies TRPCRouterRecord;
