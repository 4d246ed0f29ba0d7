import type { Database, PrismaClient } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { replaceDocumentChunks } from "../store/replace-document-chunks";
import { hybridSearch } from "./hybrid-search";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

// hybridSearch ranks chunk ids first and reads the winners' rows in a later statement. On PostgreSQL a document's
// chunks can be replaced in between (another connection commits the switch): the search must then answer from the
// new chunks, not return nothing (CI caught this race once in replace-document-chunks-interleaving.test.ts).

const DIMENSIONS = 8;
let db: Database;
const tenant = { organizationId: "", knowledgeBaseId: "", documentId: "" };

beforeAll(async () => {
  db = await createTestDatabase();
  tenant.organizationId = await seedOrganization(db.prisma, "Vanished rows");
  tenant.knowledgeBaseId = await seedKnowledgeBase(db.prisma, tenant.organizationId, DIMENSIONS);
  const { organizationId, knowledgeBaseId } = tenant;
  const seeded = await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Manual", [{ content: "The kettle manual, old edition.", embedding: axisVector(DIMENSIONS, 2) }]);
  tenant.documentId = seeded.documentId;
});
afterAll(() => db?.close());

const isRowsStatement = (strings: unknown): boolean =>
  Array.isArray(strings) && strings.join("?").includes('JOIN document d ON d.id = c."documentId"') && strings.join("?").includes("WHERE c.id IN (");

/** The client with a one-time hook run just before the first rows statement: what another connection does meanwhile. */
function withSwitchBeforeRows(prisma: PrismaClient, beforeRows: () => Promise<unknown>): { client: PrismaClient; rowsStatements: () => number } {
  let rowsStatements = 0;
  const client = new Proxy(prisma, {
    get(target, property, receiver) {
      if (property !== "$queryRaw") return Reflect.get(target, property, receiver);
      return async (strings: TemplateStringsArray, ...values: unknown[]) => {
        if (isRowsStatement(strings)) {
          rowsStatements += 1;
          if (rowsStatements === 1) await beforeRows();
        }
        return target.$queryRaw(strings, ...values);
      };
    },
  });
  return { client, rowsStatements: () => rowsStatements };
}

describe("hybridSearch when a document's chunks are replaced between ranking and reading rows", () => {
  it("searches again and answers from the new chunks", async () => {
    const { client, rowsStatements } = withSwitchBeforeRows(db.prisma, () =>
      replaceDocumentChunks(db.prisma, {
        ...tenant,
        embeddingModel: `test/${DIMENSIONS}`,
        dimensions: DIMENSIONS,
        chunks: [{ content: "The kettle manual, new edition.", tokenCount: 6, position: 0, metadata: {}, embedding: axisVector(DIMENSIONS, 2) }],
      }),
    );
    const hits = await hybridSearch(client, {
      organizationId: tenant.organizationId,
      knowledgeBaseIds: [tenant.knowledgeBaseId],
      query: "kettle manual",
      queryVector: axisVector(DIMENSIONS, 2),
      limit: 3,
    });
    expect(rowsStatements()).toBe(2);
    expect(hits.map((hit) => hit.content)).toEqual(["The kettle manual, new edition."]);
  });
});
