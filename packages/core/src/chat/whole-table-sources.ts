import { holdsRowOf, SOURCES_READ, tablesToComplete, timeSpan, WHOLE_TABLE_ROWS } from "@frontdesk/rag";
import type { ServiceContext } from "../context";
import type { SearchResult } from "../knowledge/schemas";

/**
 * A question over a whole table ("which towns do you cover", "the cheapest lesson", "units under €50 a month")
 * whose first sources hold rows of a table stored one row a chunk (a CSV file): the table's other rows, read from
 * their document (up to WHOLE_TABLE_ROWS chunks a document, in order), after the sources search found. Search
 * returns topK passages; a list of 20 towns came back as the 8 found. Their stored sentence vectors are added to
 * `sentenceVectors`, as searchKnowledgeBases adds the first sources'.
 */
export async function withWholeTables(
  ctx: ServiceContext,
  question: string,
  sources: SearchResult[],
  sentenceVectors: Map<string, Uint8Array | null>,
): Promise<SearchResult[]> {
  const tables = tablesToComplete(question, sources.map((source) => ({ documentId: source.documentId, content: source.content })), SOURCES_READ);
  if (tables.size === 0) return sources;
  const known = new Set(sources.map((source) => source.chunkId));
  const found = await timeSpan("chat.wholeTables", () =>
    Promise.all(
      [...tables.keys()].map((documentId) =>
        ctx.prisma.chunk.findMany({
          where: { organizationId: ctx.organizationId, documentId },
          orderBy: { position: "asc" },
          take: WHOLE_TABLE_ROWS,
          select: { id: true, documentId: true, knowledgeBaseId: true, content: true, position: true, embeddingModel: true, sentenceVectors: true, document: { select: { title: true } } },
        }),
      ),
    ),
  );
  const added: SearchResult[] = [];
  for (const chunk of found.flat()) {
    if (known.has(chunk.id) || !holdsRowOf(tables.get(chunk.documentId)!, chunk.content)) continue;
    known.add(chunk.id);
    if (chunk.embeddingModel === ctx.rag.embeddings.model) sentenceVectors.set(chunk.id, chunk.sentenceVectors);
    added.push({
      chunkId: chunk.id,
      documentId: chunk.documentId,
      knowledgeBaseId: chunk.knowledgeBaseId,
      title: chunk.document.title,
      content: chunk.content,
      position: chunk.position,
      score: 0,
      vectorScore: null,
      textScore: null,
    });
  }
  return added.length === 0 ? sources : [...sources, ...added];
}
