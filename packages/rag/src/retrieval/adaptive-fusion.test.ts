import { toVectorLiteral, type Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chunkSimilarities } from "./chunk-similarities";
import { fullTextSearch } from "./full-text-search";
import { hybridSearch } from "./hybrid-search";
import { seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";
import { MIN_AGREEMENT, scoreAgreement } from "./vector-agreement";
import { vectorSearch } from "./vector-search";

// Query-adaptive fusion, with cosines shaped like the local English-only model's (measured with use-lite-512:
// a Russian question has cosine 0.67–0.77 with every Russian sentence, related or not; an English paraphrase is
// clearly closer to its answer than to unrelated sentences). Vectors are set per test so each chunk gets exactly
// the cosine wanted with the query vector e0: cos · e0 + sin · e(1 + index).

const DIMS = 64;
let db: Database;
const ids = { org: "", kb: "", chmod: "", parking: "" };
const chunkIds: string[] = [];
const scope = () => ({ organizationId: ids.org, knowledgeBaseIds: [ids.kb] });
const queryVector = Array.from({ length: DIMS }, (_, index) => (index === 0 ? 1 : 0));

const russian = [
  "Команда chmod изменяет права доступа файлов: владельца, группы и остальных пользователей.",
  "Команда ls выводит список файлов каталога в алфавитном порядке.",
  "Команда cp копирует содержимое файлов в другой каталог.",
  "Команда rm удаляет указанные файлы и каталоги; удаление файлов необратимо.",
  "Команда gzip сжимает содержимое файлов, уменьшая их размер на диске.",
  "Команда find выполняет поиск файлов по имени, размеру и времени изменения.",
  "Команда tar упаковывает несколько файлов в один архив.",
  "Команда du показывает размер файлов и каталогов на диске.",
  "Команда diff сравнивает содержимое двух файлов построчно.",
  "Команда touch меняет время доступа и время изменения файлов.",
  "Команда chown меняет владельца и группу файлов.",
  "Команда wc подсчитывает строки, слова и байты в содержимом файлов.",
  "Команда mv перемещает и переименовывает группы файлов.",
];

const english = [
  "Guests can park in the underground garage for 15 euros per night.",
  "Guests get breakfast in the garden restaurant from 7 to 10, guests of suites on the terrace.",
  "Guests may use the spa, the sauna and the pool on the second floor.",
  "Guests can book a late checkout until 2pm at reception.",
  "Guests travelling with pets stay in ground floor rooms for a small fee.",
  "Guests find cocktails at the rooftop bar every evening.",
  "Guests receive the Wi-Fi password at check-in.",
  "Guests can borrow bicycles at the front desk.",
  "Guests may store luggage at reception after checkout.",
  "Guests order room service from the menu on the television.",
  "Guests can ask the concierge for theatre tickets.",
  "Guests reach the airport by the shuttle bus every hour.",
];

beforeAll(async () => {
  db = await createTestDatabase();
  const { prisma } = db;
  ids.org = await seedOrganization(prisma, "Mixed languages");
  ids.kb = await seedKnowledgeBase(prisma, ids.org, DIMS);
  const kb = { organizationId: ids.org, knowledgeBaseId: ids.kb };
  for (const [index, content] of [...russian, ...english].entries()) {
    const seeded = await seedDocument(prisma, kb, `Page ${index}`, [{ content, embedding: queryVector }]);
    chunkIds.push(seeded.chunkIds[0] ?? "");
  }
  ids.chmod = chunkIds[0] ?? "";
  ids.parking = chunkIds[russian.length] ?? "";
}, 120_000);

/** Gives each chunk the cosine `cosineOf(chunkId)` with the query vector e0. */
async function setCosines(cosineOf: (chunkId: string) => number): Promise<void> {
  for (const [index, id] of chunkIds.entries()) {
    const cosine = cosineOf(id);
    const vector = queryVector.map((_, dimension) => (dimension === 0 ? cosine : dimension === 1 + index ? Math.sqrt(1 - cosine ** 2) : 0));
    await db.prisma.$executeRaw`UPDATE chunk SET embedding = ${toVectorLiteral(vector)}::vector WHERE id = ${id}`;
  }
}

afterAll(async () => {
  await db?.close();
});

/** What hybridSearch sees before fusing: the full-text candidates and every candidate's cosine. */
async function candidates(query: string) {
  const text = await fullTextSearch(db.prisma, { ...scope(), query, limit: 100 });
  const vector = await vectorSearch(db.prisma, { ...scope(), queryVector, limit: 100 });
  const similarity = new Map([...(await chunkSimilarities(db.prisma, scope(), queryVector, text.map((hit) => hit.chunkId)))]);
  for (const hit of vector) similarity.set(hit.chunkId, hit.score);
  return { text, agreement: scoreAgreement(text, similarity) };
}

describe("query-adaptive fusion", () => {
  it("ranks a Russian question by full text alone when the cosines are high and flat, whatever the words", async () => {
    const query = "изменить права доступа файлов";
    const flat = [0.69, 0.77, 0.74, 0.76, 0.72, 0.75, 0.73, 0.77, 0.7, 0.76, 0.71, 0.74, 0.75];
    await setCosines((id) => (chunkIds.indexOf(id) < russian.length ? (flat[chunkIds.indexOf(id)] ?? 0.7) : 0.1));
    const { text, agreement } = await candidates(query);
    expect(text.length).toBeGreaterThanOrEqual(10);
    expect(text[0]?.chunkId).toBe(ids.chmod);
    expect(agreement).not.toBeNull();
    expect(agreement ?? 1).toBeLessThan(MIN_AGREEMENT);

    const hits = await hybridSearch(db.prisma, { ...scope(), query, queryVector, limit: 5 });
    expect(hits.map((hit) => hit.chunkId)).toEqual(text.slice(0, 5).map((hit) => hit.chunkId));
    // Without adaptation the flat cosines reorder the word matches.
    const fixed = await hybridSearch(db.prisma, { ...scope(), query, queryVector, limit: 5, adaptive: false });
    expect(fixed.map((hit) => hit.chunkId)).not.toEqual(text.slice(0, 5).map((hit) => hit.chunkId));
  }, 60_000);

  it("still lets the vectors weigh in for an English paraphrase when the cosines follow the word matches", async () => {
    const query = "Where can guests leave the car overnight?";
    await setCosines(() => 0.1);
    const { text: byWords } = await candidates(query);
    // Cosines fall with the full-text rank (both sides see the same question), and the answer, whose words match
    // no better than the others', is the closest in meaning.
    const rank = new Map(byWords.map((hit, index) => [hit.chunkId, index]));
    await setCosines((id) => (id === ids.parking ? 0.56 : rank.has(id) ? 0.5 - 0.03 * (rank.get(id) ?? 0) : 0.05));
    const { text, agreement } = await candidates(query);
    expect(text.length).toBeGreaterThanOrEqual(10);
    expect(agreement ?? 0).toBeGreaterThanOrEqual(MIN_AGREEMENT);

    const hits = await hybridSearch(db.prisma, { ...scope(), query, queryVector, limit: 12, feedback: false });
    const fixed = await hybridSearch(db.prisma, { ...scope(), query, queryVector, limit: 12, feedback: false, adaptive: false });
    expect(hits.map((hit) => hit.chunkId)).toEqual(fixed.map((hit) => hit.chunkId));
    const position = (list: ReadonlyArray<{ chunkId: string }>) => list.findIndex((hit) => hit.chunkId === ids.parking);
    expect(position(hits)).toBeLessThan(position(text));
  }, 60_000);
});
