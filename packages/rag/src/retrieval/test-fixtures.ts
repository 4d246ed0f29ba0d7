import { randomUUID } from "node:crypto";
import { toVectorLiteral, type PrismaClient } from "@frontdesk/db";

// Rows for retrieval tests, inserted the way ingestion stores them (chunk.embedding is raw SQL only).

export async function seedOrganization(prisma: PrismaClient, name = "Org"): Promise<string> {
  const id = `org_${randomUUID()}`;
  await prisma.organization.create({ data: { id, name, slug: id } });
  return id;
}

export async function seedKnowledgeBase(prisma: PrismaClient, organizationId: string, dimensions: number): Promise<string> {
  const kb = await prisma.knowledgeBase.create({
    data: { organizationId, name: "KB", embeddingModel: `test/${dimensions}`, embeddingDimensions: dimensions },
  });
  return kb.id;
}

export interface SeedChunk {
  content: string;
  embedding: number[];
}

/** One document with its chunks (positions in order); returns the document and chunk ids. */
export async function seedDocument(
  prisma: PrismaClient,
  scope: { organizationId: string; knowledgeBaseId: string },
  title: string,
  chunks: SeedChunk[],
  status: "ready" | "processing" = "ready",
): Promise<{ documentId: string; chunkIds: string[] }> {
  const document = await prisma.document.create({
    data: {
      ...scope,
      sourceKind: "text",
      title,
      mimeType: "text/plain",
      sizeBytes: chunks.reduce((sum, chunk) => sum + chunk.content.length, 0),
      contentHash: randomUUID(),
      status,
    },
  });
  const chunkIds: string[] = [];
  for (const [position, chunk] of chunks.entries()) {
    const id = `chunk_${randomUUID()}`;
    const tokenCount = chunk.content.split(/\s+/).filter(Boolean).length;
    await prisma.$executeRaw`
      INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount",
                         embedding, "embeddingModel", "embeddingDimensions")
      VALUES (${id}, ${scope.organizationId}, ${scope.knowledgeBaseId}, ${document.id}, ${chunk.content}, ${position},
              ${tokenCount}, ${toVectorLiteral(chunk.embedding)}::vector, ${`test/${chunk.embedding.length}`},
              ${chunk.embedding.length})`;
    chunkIds.push(id);
  }
  return { documentId: document.id, chunkIds };
}

/** A unit vector of `dimensions` pointing mostly along `axis`, tilted towards `towards` by `tilt`. */
export function axisVector(dimensions: number, axis: number, towards?: number, tilt = 0): number[] {
  const values = new Array<number>(dimensions).fill(0);
  values[axis] = 1;
  if (towards !== undefined) values[towards] = tilt;
  const norm = Math.hypot(...values);
  return values.map((value) => value / norm);
}

/** Deterministic Zipf-like text: a few words in most chunks, most words in a few, some repeated within a chunk. */
export function corpusChunk(seed: number): string {
  let state = seed * 2_654_435_761 + 1;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const words = 20 + Math.floor(random() * 40);
  return Array.from({ length: words }, () => `w${Math.floor(1 / (random() * 0.99 + 0.002))}`).join(" ");
}
