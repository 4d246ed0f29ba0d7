import { loadConfig } from "@frontdesk/config";
import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEmbeddingsProvider } from "../embeddings";
import { hybridSearch } from "../retrieval/hybrid-search";
import { seedKnowledgeBase, seedOrganization } from "../retrieval/test-fixtures";
import type { EmbeddingsProvider } from "../runtime";
import { replaceDocumentChunks } from "../store";
import { answerQuestion } from "./answer-question";
import { NOT_FOUND_ANSWER } from "./extractive-answer";

// The whole answer path on real parts: local embeddings, the chunk store, hybrid search and extractive answers.

const faq = {
  "Front desk": "Our front desk is open every day from 7am to 11pm. After 11pm, ring the night bell at the entrance.",
  Parking: "Guests can park in the underground garage for 15 euros per night.",
  "Check-in": "Check-in starts at 3pm and check-out is until 11am.",
  Breakfast: "Breakfast is served in the restaurant from 6:30 to 10:30.",
  Pets: "Pets are welcome for a fee of 20 euros per night.",
  Piscina: "La piscina está abierta de junio a septiembre, de 9 a 20 horas.",
};

let db: Database;
let embeddings: EmbeddingsProvider;
let scope: { organizationId: string; knowledgeBaseIds: string[] };

beforeAll(async () => {
  [db, embeddings] = await Promise.all([createTestDatabase(), createEmbeddingsProvider(loadConfig({}))]);
  const organizationId = await seedOrganization(db.prisma);
  const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, embeddings.dimensions);
  scope = { organizationId, knowledgeBaseIds: [knowledgeBaseId] };
  const vectors = await embeddings.embeddings.embedDocuments(Object.values(faq));
  for (const [index, [title, content]] of Object.entries(faq).entries()) {
    const document = await db.prisma.document.create({
      data: { organizationId, knowledgeBaseId, sourceKind: "text", title, mimeType: "text/plain", sizeBytes: content.length, contentHash: title, status: "ready" },
    });
    await replaceDocumentChunks(db.prisma, {
      organizationId,
      knowledgeBaseId,
      documentId: document.id,
      embeddingModel: embeddings.model,
      dimensions: embeddings.dimensions,
      chunks: [{ content, tokenCount: content.split(" ").length, position: 0, metadata: {}, embedding: vectors[index]! }],
    });
  }
});

afterAll(async () => {
  await db?.close();
});

async function ask(question: string) {
  const queryVector = await embeddings.embeddings.embedQuery(question);
  const hits = await hybridSearch(db.prisma, { ...scope, query: question, queryVector, minScore: 0.3 });
  let done: { content: string; citations: Array<{ title: string }> } | undefined;
  for await (const event of answerQuestion({ question, history: [], hits, systemPrompt: "", chatModel: null, embeddings: embeddings.embeddings })) {
    if (event.type === "done") done = event;
  }
  return { hits, answer: done! };
}

describe("answering from a knowledge base (real embeddings, real database)", () => {
  it("answers and cites the right passage, by words or by meaning", async () => {
    const hours = await ask("When is the front desk open?");
    expect(hours.hits[0]?.documentTitle).toBe("Front desk");
    expect(hours.answer.content).toContain("7am to 11pm");
    expect(hours.answer.citations.map((citation) => citation.title)).toEqual(["Front desk"]);

    const dog = await ask("Can I bring my dog?");
    expect(dog.hits[0]?.documentTitle).toBe("Pets");
    expect(dog.answer.content).toBe(`${faq.Pets} [1]`);

    const pool = await ask("¿Hasta qué hora está abierta la piscina?");
    expect(pool.answer.citations.map((citation) => citation.title)).toEqual(["Piscina"]);
  });

  it("finds nothing for off-topic questions and says so", async () => {
    for (const question of ["What is the capital of France?", "Who won the world cup in 1998?"]) {
      const { hits, answer } = await ask(question);
      expect(hits).toEqual([]);
      expect(answer).toEqual({ type: "done", content: NOT_FOUND_ANSWER, citations: [] });
    }
  });
});
