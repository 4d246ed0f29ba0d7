import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ServiceContext } from "../context";
import type { FrontdeskEvent } from "../events";
import { setupOwner } from "../organizations";
import { createTestDeps } from "../testing";
import { addDocument } from "./add-document";
import { createKnowledgeBase } from "./create-knowledge-base";
import { bulkCreateFaqs, createFaq, listFaqs, updateFaq } from "./faqs";
import { listDocuments } from "./list-documents";
import { retryDocument, STUCK_AFTER_MS } from "./retry-document";

let t: Awaited<ReturnType<typeof createTestDeps>>;
let ctx: ServiceContext;
/** Every EventBus.send call, as it was made (one array per call). */
const sendCalls: FrontdeskEvent[][] = [];

beforeAll(async () => {
  t = await createTestDeps();
  const owner = await setupOwner(t.deps, { email: "lifecycle@example.com", password: "password-l", organizationName: "L" });
  ctx = {
    ...t.deps,
    events: { send: async (events) => void sendCalls.push(Array.isArray(events) ? events : [events]) },
    organizationId: owner.organizationId,
    actor: { type: "system" },
  };
});
afterAll(() => t?.close());

const bytes = (text: string) => new TextEncoder().encode(text);
const faqItems = (count: number, answer = "Yes") =>
  Array.from({ length: count }, (_, i) => ({ question: `Question number ${i}?`, answer: `${answer} ${i}` }));

describe("FAQ documents", () => {
  it("imports 10,000 pairs with one send of batched events, and the same pairs again change nothing", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Bulk FAQ" });
    sendCalls.length = 0;
    const result = await bulkCreateFaqs(ctx, kb.id, { items: faqItems(10_000) });
    expect(result).toEqual({ kind: "faqs", total: 10_000, created: 10_000, updated: 0, unchanged: 0, duplicate: false });
    expect(sendCalls).toHaveLength(1);
    const events = sendCalls[0]!;
    expect(events).toHaveLength(100);
    expect(events.every((event) => event.name === "knowledge/faqs.added")).toBe(true);
    const ids = events.flatMap((event) => (event.name === "knowledge/faqs.added" ? event.data.documentIds : []));
    expect(new Set(ids).size).toBe(10_000);

    const row = await t.deps.prisma.document.findFirstOrThrow({ where: { knowledgeBaseId: kb.id, title: "Question number 7?" } });
    expect(row).toMatchObject({ sourceKind: "faq", sourceUri: "faq:question number 7", status: "queued", stage: "queued" });

    sendCalls.length = 0;
    const again = await bulkCreateFaqs(ctx, kb.id, { items: faqItems(10_000) });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 10_000, duplicate: true });
    expect(sendCalls).toHaveLength(0);
    expect(await t.deps.prisma.document.count({ where: { knowledgeBaseId: kb.id } })).toBe(10_000);
  }, 120_000);

  it("rejects a bulk import with bad rows, listing every one, and writes nothing", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Bad rows" });
    const items: unknown[] = faqItems(6);
    items[1] = { question: "No answer?" };
    items[3] = { question: "  ", answer: "blank question" };
    items[4] = { question: "question number 0", answer: "same question as row 0 once normalized" };
    items[5] = "not an object";
    const error = await bulkCreateFaqs(ctx, kb.id, { items }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "validation_failed", status: 422, message: "4 of 6 rows are invalid; nothing was imported" });
    expect((error as { fields: unknown[] }).fields).toEqual([
      { row: 1, field: "answer", message: expect.any(String) },
      { row: 3, field: "question", message: "question is required" },
      { row: 4, field: "question", message: "same question as row 0" },
      { row: 5, field: "(row)", message: expect.any(String) },
    ]);
    expect(await t.deps.prisma.document.count({ where: { knowledgeBaseId: kb.id } })).toBe(0);
  });

  it("updates the same question in place, pages through FAQs and filters by tag", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "FAQ edits" });
    const first = await createFaq(ctx, kb.id, { question: "Do you allow pets?", answer: "No.", tags: ["pets"] });
    expect(first).toMatchObject({ outcome: "created", sourceKind: "faq", question: "Do you allow pets?", answer: "No.", tags: ["pets"] });
    await t.deps.prisma.document.update({ where: { id: first.id }, data: { status: "ready", stage: null } });

    const changed = await createFaq(ctx, kb.id, { question: "do you allow PETS", answer: "Dogs only." });
    expect(changed).toMatchObject({ id: first.id, outcome: "updated", answer: "Dogs only.", tags: ["pets"] });
    // Still ready: its old chunk keeps answering until the new one is stored.
    expect(changed).toMatchObject({ status: "ready", stage: "queued" });
    expect((await createFaq(ctx, kb.id, { question: "do you allow PETS", answer: "Dogs only." })).outcome).toBe("unchanged");

    await createFaq(ctx, kb.id, { question: "Is there parking?", answer: "Yes." });
    await createFaq(ctx, kb.id, { question: "Wifi?", answer: "Free.", tags: ["wifi"] });
    const page1 = await listFaqs(ctx, kb.id, { limit: 2 });
    expect(page1.data.map((faq) => faq.question)).toEqual(["do you allow PETS", "Is there parking?"]);
    const page2 = await listFaqs(ctx, kb.id, { limit: 2, cursor: page1.nextCursor! });
    expect(page2).toMatchObject({ data: [{ question: "Wifi?" }], nextCursor: null });
    expect((await listFaqs(ctx, kb.id, { tag: "wifi" })).data.map((faq) => faq.question)).toEqual(["Wifi?"]);

    const parking = page1.data[1]!;
    await expect(updateFaq(ctx, parking.id, { question: "Wifi" })).rejects.toMatchObject({ code: "conflict" });
    sendCalls.length = 0;
    const edited = await updateFaq(ctx, parking.id, { answer: "Yes, in garage B." });
    expect(edited).toMatchObject({ answer: "Yes, in garage B.", stage: "queued" });
    expect(sendCalls).toEqual([[{ name: "knowledge/faqs.added", data: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, documentIds: [parking.id] } }]]);
    sendCalls.length = 0;
    expect(await updateFaq(ctx, parking.id, { tags: ["parking"] })).toMatchObject({ tags: ["parking"] });
    expect(sendCalls).toHaveLength(0);
  });

  it("turns a CSV with question/answer columns into FAQ documents, rows named by line", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "CSV FAQ" });
    const csv = "Pregunta,Respuesta,Etiquetas\n¿Abren los domingos?,No,horario\n¿Hay wifi?,Sí,\n";
    const result = await addDocument(ctx, kb.id, { kind: "file", fileName: "faq.csv", bytes: bytes(csv), tags: ["es"] });
    expect(result).toEqual({ kind: "faqs", total: 2, created: 2, updated: 0, unchanged: 0, duplicate: false });
    const docs = await listDocuments(ctx, kb.id);
    expect(docs.map((doc) => [doc.sourceUri, doc.tags]).sort()).toEqual([
      ["faq:abren los domingos", ["horario"]],
      ["faq:hay wifi", ["es"]],
    ]);
    const bad = await addDocument(ctx, kb.id, { kind: "file", fileName: "faq.csv", bytes: bytes("question,answer\nok?,yes\nmissing answer?,\n") }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: "validation_failed", fields: [{ row: 3, field: "answer" }] });
  });
});

describe("document lifecycle", () => {
  it("a changed file with the same name updates that document and replaces its stored file", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Versions" });
    const v1 = await addDocument(ctx, kb.id, { kind: "file", fileName: "hours.txt", bytes: bytes("Open 9 to 5."), tags: ["hours"] });
    if (v1.kind !== "document") throw new Error("expected a document");
    await t.deps.prisma.document.update({ where: { id: v1.id }, data: { status: "ready", stage: null } });

    const v2 = await addDocument(ctx, kb.id, { kind: "file", fileName: "hours.txt", bytes: bytes("Open 8 to 6.") });
    expect(v2).toMatchObject({ kind: "document", id: v1.id, replaced: true, duplicate: false, status: "ready", stage: "queued", tags: ["hours"] });
    if (v2.kind !== "document") throw new Error("expected a document");
    expect(v2.contentHash).not.toBe(v1.contentHash);
    const dir = join(t.dataDir, "uploads", ctx.organizationId, v1.id);
    expect(readdirSync(dir)).toEqual(["hours.txt"]);
    expect(readFileSync(join(dir, "hours.txt"), "utf8")).toBe("Open 8 to 6.");

    const same = await addDocument(ctx, kb.id, { kind: "file", fileName: "hours.txt", bytes: bytes("Open 8 to 6.") });
    expect(same).toMatchObject({ id: v1.id, duplicate: true, replaced: false });
    expect(await t.deps.prisma.document.count({ where: { knowledgeBaseId: kb.id } })).toBe(1);
  });

  it("retries failed and stuck documents but not ready or busy ones", async () => {
    const kb = await createKnowledgeBase(ctx, { name: "Retries" });
    const doc = await addDocument(ctx, kb.id, { kind: "text", title: "t", text: "retry me", tags: ["a", "a", "b"] });
    expect(doc.tags).toEqual(["a", "b"]);
    await expect(retryDocument(ctx, doc.id)).rejects.toMatchObject({ code: "conflict", status: 409 });

    await t.deps.prisma.document.update({ where: { id: doc.id }, data: { status: "failed", stage: null, error: "boom" } });
    sendCalls.length = 0;
    const retried = await retryDocument(ctx, doc.id);
    expect(retried).toMatchObject({ status: "queued", stage: "queued", error: null, progress: 0 });
    expect(sendCalls).toEqual([[{ name: "knowledge/document.added", data: { organizationId: ctx.organizationId, knowledgeBaseId: kb.id, documentId: doc.id } }]]);

    const later = new Date(Date.now() + STUCK_AFTER_MS + 60_000);
    await t.deps.prisma.document.update({ where: { id: doc.id }, data: { status: "processing", stage: "embed" } });
    await expect(retryDocument(ctx, doc.id)).rejects.toMatchObject({ code: "conflict" });
    expect(await retryDocument(ctx, doc.id, later)).toMatchObject({ status: "queued" });

    await t.deps.prisma.document.update({ where: { id: doc.id }, data: { status: "ready", stage: null } });
    await expect(retryDocument(ctx, doc.id, later)).rejects.toMatchObject({ code: "conflict", message: "Document is ready; there is nothing to retry" });
  });
});
