import { testServerUrl } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import { setupOwner } from "../organizations";
import { createTestDeps } from "../testing";
import { addDocument } from "./add-document";
import { removeDocument } from "./delete-document";

// Needs a second connection (PostgreSQL): PGlite runs one statement at a time and cannot deadlock.
const onPostgres = Boolean(testServerUrl());

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
let knowledgeBaseId: string;

beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "delete@example.com", password: "password-d", organizationName: "D" });
  ctx = { ...t.deps, organizationId: owner.organizationId, actor: { type: "system" } };
  knowledgeBaseId = owner.knowledgeBaseId;
});
afterAll(() => t?.close());

const insertChunk = (db: { $executeRaw: ServiceContext["prisma"]["$executeRaw"] }, documentId: string, position: number) =>
  db.$executeRaw`INSERT INTO chunk (id, "organizationId", "knowledgeBaseId", "documentId", content, position, "tokenCount", "embeddingModel", "embeddingDimensions")
                 VALUES (${`chunk_${documentId}_${position}`}, ${ctx.organizationId}, ${knowledgeBaseId}, ${documentId}, 'text', ${position}, 1, 'test/384', 384)`;

describe.runIf(onPostgres)("removeDocument", () => {
  it("survives a deadlock with an ingestion replacing the same document's chunks", async () => {
    const doc = await addDocument(ctx, knowledgeBaseId, { kind: "text", title: "Pool", text: "The pool opens at 8." });
    await insertChunk(ctx.prisma, doc.id, 0);
    let removal: Promise<void> | undefined;
    // What ingestion does: replace the chunks in one transaction (old ones locked, new ones checked against the
    // document). The delete starts in between: it locks the document and waits for the chunks, the ingestion
    // then waits for the document, and PostgreSQL aborts the first waiter, the delete.
    const ingestion = ctx.prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw`DELETE FROM chunk WHERE "documentId" = ${doc.id}`;
        removal = removeDocument(ctx, doc.id);
        await new Promise((resolve) => setTimeout(resolve, 300));
        await insertChunk(tx, doc.id, 1);
      }, { timeout: 20_000 })
      .then(() => "committed", () => "aborted");
    const ingestionOutcome = await ingestion;
    await expect(removal).resolves.toBeUndefined();
    expect(["committed", "aborted"]).toContain(ingestionOutcome);
    expect(await ctx.prisma.document.count({ where: { id: doc.id } })).toBe(0);
    expect(await ctx.prisma.chunk.count({ where: { documentId: doc.id } })).toBe(0);
  }, 30_000);
});
