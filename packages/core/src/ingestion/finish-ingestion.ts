import type { Prisma } from "@frontdesk/db";
import { refreshChunkStatistics } from "./refresh-chunk-statistics";
import type { DocumentRef, IngestionDeps, IngestionFingerprint } from "./types";

export interface FinishInput {
  fingerprint: IngestionFingerprint;
  chunkCount: number;
  tokenCount: number;
  pageCount: number | null;
  mimeType: string;
  sizeBytes: number;
  title: string | null;
  warnings?: string[];
}

/** Step 5: the document is searchable. A title found in the file replaces one that was only the file name. */
export async function finishIngestion(deps: IngestionDeps, ref: DocumentRef, input: FinishInput): Promise<boolean> {
  const document = await deps.prisma.document.findFirst({
    where: { id: ref.documentId, organizationId: ref.organizationId },
    select: { title: true, sourceUri: true, metadata: true },
  });
  if (!document) return false;
  const metadata = {
    ...(document.metadata && typeof document.metadata === "object" && !Array.isArray(document.metadata) ? document.metadata : {}),
    ingestion: { ...input.fingerprint },
    warnings: (input.warnings ?? []).slice(0, 100),
  } as Prisma.InputJsonObject;
  const titleWasDefault = document.title === document.sourceUri;
  const { count } = await deps.prisma.document.updateMany({
    where: { id: ref.documentId, organizationId: ref.organizationId },
    data: {
      status: "ready",
      stage: null,
      progress: 100,
      error: null,
      chunkCount: input.chunkCount,
      tokenCount: input.tokenCount,
      pageCount: input.pageCount,
      mimeType: input.mimeType,
      sizeBytes: input.sizeBytes,
      processedAt: new Date(),
      metadata,
      ...(titleWasDefault && input.title ? { title: input.title.slice(0, 300) } : {}),
    },
  });
  if (count > 0) {
    await refreshChunkStatistics(deps.prisma).catch((error: unknown) =>
      deps.logger.warn({ err: error }, "could not refresh chunk statistics"),
    );
  }
  return count > 0;
}
