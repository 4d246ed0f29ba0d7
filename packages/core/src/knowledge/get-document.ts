import type { Document } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import type { DocumentView } from "./schemas";
import { toDocumentView } from "./views";

export async function getDocumentOrThrow(ctx: ServiceContext, knowledgeBaseId: string, documentId: string): Promise<Document> {
  const doc = await ctx.prisma.document.findFirst({
    where: { id: documentId, knowledgeBaseId, organizationId: ctx.organizationId },
  });
  if (!doc) throw notFound("Document");
  return doc;
}

export async function getDocument(ctx: ServiceContext, knowledgeBaseId: string, documentId: string): Promise<DocumentView> {
  return toDocumentView(await getDocumentOrThrow(ctx, knowledgeBaseId, documentId));
}
