import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "../retrieval/test-fixtures";
import { vocabularyNear } from "./kb-vocabulary";
import { correctSpelling } from "./spelling";

// Typos corrected against a knowledge base's own words, read from the full-text index's vocabulary
// (knowledge_base_term). PGlite by default, PostgreSQL with TEST_DATABASE_URL.

const DIMENSIONS = 8;
let db: Database;
let organizationId = "";
let knowledgeBaseId = "";

beforeAll(async () => {
  db = await createTestDatabase();
  organizationId = await seedOrganization(db.prisma, "Spelling");
  knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
  await seedDocument(db.prisma, { organizationId, knowledgeBaseId }, "Clinic", [
    { content: "Book an appointment online. Appointments on Saturday mornings.", embedding: axisVector(DIMENSIONS, 0) },
    { content: "Teeth whitening costs 290 euros. A message reminds you of your appointment.", embedding: axisVector(DIMENSIONS, 1) },
    { content: "Our saunas and the Geöffnet sign.", embedding: axisVector(DIMENSIONS, 2) },
  ]);
});
afterAll(() => db?.close());

const lookupIn = (organization: string, bases: string[]) => (exact: readonly string[], prefixes: readonly string[]) =>
  vocabularyNear(db.prisma, { organizationId: organization, knowledgeBaseIds: bases }, exact, prefixes);

describe("spelling against the knowledge base's vocabulary", () => {
  it("reads the words asked for and those sharing a beginning, with the chunks holding them", async () => {
    const words = await lookupIn(organizationId, [knowledgeBaseId])(["saturday", "nothing"], ["appo"]);
    expect(words.sort((a, b) => a.lexeme.localeCompare(b.lexeme))).toEqual([
      { lexeme: "appointment", df: 2 },
      { lexeme: "appointments", df: 1 },
      { lexeme: "saturday", df: 1 },
    ]);
  });

  it("corrects what the knowledge base lacks into its own words", async () => {
    const { question, corrections } = await correctSpelling("can i move my apointment to satruday", lookupIn(organizationId, [knowledgeBaseId]));
    expect(question).toBe("can i move my appointment to saturday");
    expect(corrections).toEqual([
      { from: "apointment", to: "appointment" },
      { from: "satruday", to: "saturday" },
    ]);
    expect((await correctSpelling("how much is teeth whiteinng", lookupIn(organizationId, [knowledgeBaseId]))).question).toBe("how much is teeth whitening");
    // a slip of another form of a word it holds ("sauna", held as "saunas")
    expect((await correctSpelling("do you have a suana", lookupIn(organizationId, [knowledgeBaseId]))).question).toBe("do you have a sauna");
  });

  it("never changes a word the knowledge base holds, nor one it lacks that is no slip of one it holds", async () => {
    for (const question of [
      "Book an appointment online on Saturday mornings?",
      "Do your saunas open in the mornings?",
      "can i book a massage",
      "do you have a sauna",
      "Is the clinic geöffnet",
      "Do you take Sanitas insurance?",
    ]) {
      expect((await correctSpelling(question, lookupIn(organizationId, [knowledgeBaseId]))).question, question).toBe(question);
    }
  });

  it("corrects a Spanish question against the knowledge base's words alone, never into a form none writes", async () => {
    const spanish = await seedKnowledgeBase(db.prisma, organizationId, DIMENSIONS);
    await seedDocument(db.prisma, { organizationId, knowledgeBaseId: spanish }, "Academia", [
      { content: "Teléfono de la secretaría: 963 11 22 33. Horarios de lunes a viernes.", embedding: axisVector(DIMENSIONS, 0) },
      { content: "Hay un aparcamiento cercano en la calle Sueca.", embedding: axisVector(DIMENSIONS, 1) },
    ]);
    const lookup = lookupIn(organizationId, [spanish]);
    // Before: "número" → "numbero" (a form of the general English "number"), "cerca" → "cercan" (of "cercano").
    for (const question of ["¿Cuál es el número de teléfono?", "¿hay parking cerca?", "¿cuándo vienen los profesores?"]) {
      expect((await correctSpelling(question, lookup)).question, question).toBe(question);
    }
    expect((await correctSpelling("¿cuáles son los horaros de la secretaría?", lookup)).question).toBe("¿cuáles son los horarios de la secretaría?");
  });

  it("reads only the organization's own knowledge bases", async () => {
    const other = await seedOrganization(db.prisma, "Other");
    expect(await lookupIn(other, [knowledgeBaseId])(["saturday"], ["appo"])).toEqual([]);
    expect((await correctSpelling("teeth whiteinng", lookupIn(other, [knowledgeBaseId]))).question).toBe("teeth whiteinng");
  });
});
