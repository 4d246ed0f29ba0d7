import type { ServiceContext } from "../context";
import { parseInput } from "../parse-input";
import { getKnowledgeBaseOrThrow } from "./get-knowledge-base";
import { listDocumentsInput, type DocumentView, type ListDocumentsInput } from "./schemas";
import { toDocumentView } from "./views";

/** Newest first, optionally filtered by status (e.g. to poll until everything is ready) and tag. */
export async function listDocuments(
  ctx: ServiceContext,
  knowledgeBaseId: string,
  input: ListDocumentsInput = {},
): Promise<DocumentView[]> {
  const { status, tag, limit } = parseInput(listDocumentsInput, input);
  const kb = await getKnowledgeBaseOrThrow(ctx, knowledgeBaseId);
  const rows = await ctx.prisma.document.findMany({
    where: { knowledgeBaseId: kb.id, organizationId: ctx.organizationId, ...(status ? { status } : {}), ...(tag ? { tags: { has: tag } } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  return rows.map(toDocumentView);
}
