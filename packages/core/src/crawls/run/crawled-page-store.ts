import { createHash } from "node:crypto";
import type { Document, Prisma } from "@frontdesk/db";
import type { CrawledResource, CrawlHandler } from "@frontdesk/rag";
import type { CrawlDeps, CrawlRef } from "./types";
import { isUniqueViolation } from "../../unique-violation";

const MAX_REMEMBERED_LINKS = 1000;

const metadataObject = (metadata: unknown): Record<string, unknown> =>
  metadata && typeof metadata === "object" && !Array.isArray(metadata) ? (metadata as Record<string, unknown>) : {};

/** Links a page had at its last full fetch (Document.metadata.crawl.links), to keep crawling past a 304. */
function rememberedLinks(metadata: unknown): string[] {
  const links = metadataObject(metadataObject(metadata).crawl).links;
  return Array.isArray(links) ? links.filter((link): link is string => typeof link === "string") : [];
}


/**
 * Stores what a crawl finds as one `url` document per canonical URL (sourceUri). New and changed pages are
 * queued for the normal ingest pipeline, which swaps their chunks atomically; a 304 or the same text as last
 * time only refreshes the validators. Text already held by another document counts as a skipped duplicate.
 */
export function crawledPageStore(deps: CrawlDeps, ref: CrawlRef): CrawlHandler {
  const find = (url: string) =>
    deps.prisma.document.findFirst({
      where: { organizationId: ref.organizationId, knowledgeBaseId: ref.knowledgeBaseId, sourceKind: "url", sourceUri: url },
      orderBy: { createdAt: "asc" },
    });

  return {
    async validatorsFor(url) {
      const document = await find(url);
      if (!document || document.status !== "ready" || (!document.httpEtag && !document.httpLastModified)) return null;
      return { etag: document.httpEtag, lastModified: document.httpLastModified };
    },

    async store(resource) {
      const existing = await find(resource.canonicalUrl);
      const validators = { httpEtag: resource.etag, httpLastModified: resource.lastModified };
      if (resource.kind === "not_modified") {
        if (!existing) return { outcome: "skipped" };
        await deps.prisma.document.update({ where: { id: existing.id }, data: { crawlId: ref.crawlId, ...validators } });
        return { outcome: "unchanged", links: rememberedLinks(existing.metadata) };
      }

      const content = resource.kind === "page" ? new TextEncoder().encode(resource.text) : resource.bytes;
      const contentHash = createHash("sha256").update(content).digest("hex");
      const links = resource.kind === "page" ? resource.links.slice(0, MAX_REMEMBERED_LINKS) : [];
      const metadata = { ...metadataObject(existing?.metadata), crawl: { links } } as Prisma.InputJsonObject;
      if (existing && existing.contentHash === contentHash && existing.status !== "failed") {
        await deps.prisma.document.update({ where: { id: existing.id }, data: { crawlId: ref.crawlId, metadata, ...validators } });
        return { outcome: "unchanged" };
      }

      const fields = {
        title: (resource.kind === "page" ? resource.title : undefined)?.slice(0, 300) ?? resource.canonicalUrl,
        mimeType: resource.kind === "page" ? "text/html" : resource.mimeType,
        sizeBytes: content.byteLength,
        contentHash,
        crawlId: ref.crawlId,
        metadata,
        ...validators,
      };
      let document: Document;
      try {
        document = existing
          ? await deps.prisma.document.update({
              where: { id: existing.id },
              // A ready document keeps answering with its old chunks until the new ones are swapped in.
              data: { ...fields, error: null, ...(existing.status === "ready" ? {} : { status: "queued" }) },
            })
          : await deps.prisma.document.create({
              data: {
                ...fields,
                organizationId: ref.organizationId,
                knowledgeBaseId: ref.knowledgeBaseId,
                sourceKind: "url",
                sourceUri: resource.canonicalUrl,
                status: "queued",
              },
            });
      } catch (error) {
        if (isUniqueViolation(error)) return { outcome: "skipped" };
        throw error;
      }
      await deps.events.send({
        name: "knowledge/document.added",
        data: { organizationId: ref.organizationId, knowledgeBaseId: ref.knowledgeBaseId, documentId: document.id },
      });
      return { outcome: "ingested" };
    },

    async keep(url) {
      // Claimed by this crawl, so removeGonePages leaves it alone although the page could not be read this time.
      await deps.prisma.document.updateMany({
        where: { organizationId: ref.organizationId, knowledgeBaseId: ref.knowledgeBaseId, sourceKind: "url", sourceUri: url, crawlId: { not: null } },
        data: { crawlId: ref.crawlId },
      });
    },
  };
}
