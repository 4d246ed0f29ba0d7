import { TRPCClientError } from "@trpc/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTrpcTenant } from "../../test/support/trpc-tenant";
import type { AppRouter } from "./index";

// knowledge.faqs.* and knowledge.documents.retry as the admin calls them: over HTTP with a session cookie.
let tenant: Awaited<ReturnType<typeof startTrpcTenant>>;
let t: typeof tenant.t;
let trpc: typeof tenant.trpc;
let knowledgeBaseId: string;

beforeAll(async () => {
  tenant = await startTrpcTenant("faq-admin@example.com", "FAQ admin");
  ({ t, trpc } = tenant);
  knowledgeBaseId = tenant.org.defaultKnowledgeBaseId;
});
afterAll(() => tenant?.close());

describe("knowledge.faqs and knowledge.documents.retry over tRPC", () => {
  it("creates, bulk-imports, lists, updates and deletes FAQs; bad bulk rows come back with their row", async () => {
    const faq = await trpc.knowledge.faqs.create.mutate({ knowledgeBaseId, question: "Late checkout?", answer: "Until 1 pm.", tags: ["rooms"] });
    expect(faq).toMatchObject({ outcome: "created", question: "Late checkout?", tags: ["rooms"], status: "queued" });

    const bulk = await trpc.knowledge.faqs.bulk.mutate({
      knowledgeBaseId,
      items: [{ question: "Breakfast?", answer: "7 to 10." }, { question: "Late checkout?", answer: "Until noon." }],
    });
    expect(bulk).toEqual({ kind: "faqs", total: 2, created: 1, updated: 1, unchanged: 0, duplicate: false });

    const bad = await trpc.knowledge.faqs.bulk.mutate({ knowledgeBaseId, items: [{ question: "ok?", answer: "yes" }, { question: "no answer" }] }).catch((e: unknown) => e);
    expect(bad).toBeInstanceOf(TRPCClientError);
    expect((bad as TRPCClientError<AppRouter>).data?.fields).toEqual([{ row: 1, field: "answer", message: expect.any(String) }]);

    await t.deps.events.drain();
    const page = await trpc.knowledge.faqs.list.query({ knowledgeBaseId, limit: 10 });
    expect(page.data.map((f) => [f.question, f.answer, f.status])).toEqual([
      ["Late checkout?", "Until noon.", "ready"],
      ["Breakfast?", "7 to 10.", "ready"],
    ]);
    expect(page.nextCursor).toBeNull();

    expect(await trpc.knowledge.faqs.update.mutate({ documentId: faq.id, data: { answer: "Until 2 pm." } })).toMatchObject({ answer: "Until 2 pm." });
    expect(await trpc.knowledge.faqs.delete.mutate({ documentId: faq.id })).toEqual({ id: faq.id, deleted: true });
    expect((await trpc.knowledge.faqs.list.query({ knowledgeBaseId })).data).toHaveLength(1);
  });

  it("retries a failed document and answers CONFLICT for a ready one", async () => {
    const doc = await trpc.knowledge.documents.addText.mutate({ knowledgeBaseId, title: "Pool", text: "The pool opens at 8.", tags: ["pool"] });
    await t.deps.events.drain();
    const conflict = await trpc.knowledge.documents.retry.mutate({ documentId: doc.id }).catch((e: unknown) => e);
    expect((conflict as TRPCClientError<AppRouter>).data?.code).toBe("CONFLICT");
    await t.deps.prisma.document.update({ where: { id: doc.id }, data: { status: "failed", error: "boom" } });
    expect(await trpc.knowledge.documents.retry.mutate({ documentId: doc.id })).toMatchObject({ status: "queued", stage: "queued" });
    await t.deps.events.drain();
    expect(await trpc.knowledge.documents.get.query({ knowledgeBaseId, documentId: doc.id })).toMatchObject({ status: "ready", attempts: 2, tags: ["pool"] });
  });
});
