import {
  addDocument,
  bulkCreateFaqs,
  bulkFaqInput,
  createFaq,
  deleteFaq,
  documentTagsSchema,
  faqInput,
  getFaq,
  listFaqs,
  listFaqsInput,
  retryDocument,
  updateFaq,
  updateFaqInput,
  clearKnowledgeBase,
  createKnowledgeBase,
  createKnowledgeBaseInput,
  deleteDocument,
  deleteKnowledgeBase,
  getDocument,
  getKnowledgeBase,
  getKnowledgeBaseStats,
  listDocuments,
  listDocumentsInput,
  listKnowledgeBases,
  updateKnowledgeBase,
  updateKnowledgeBaseInput,
} from "@frontdesk/core";
import { expansionsRouter } from "./knowledge-expansions";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { crawlsRouter } from "./knowledge-crawls";
import { orgProcedure } from "../trpc";

const id = z.string().min(1);
const documentRef = z.object({ knowledgeBaseId: id, documentId: id });

const basesRouter = {
  list: orgProcedure.query(({ ctx }) => listKnowledgeBases(ctx.core)),
  get: orgProcedure.input(z.object({ id })).query(({ ctx, input }) => getKnowledgeBase(ctx.core, input.id)),
  create: orgProcedure.input(createKnowledgeBaseInput).mutation(({ ctx, input }) => createKnowledgeBase(ctx.core, input)),
  update: orgProcedure
    .input(z.object({ id, data: updateKnowledgeBaseInput }))
    .mutation(({ ctx, input }) => updateKnowledgeBase(ctx.core, input.id, input.data)),
  delete: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => deleteKnowledgeBase(ctx.core, input.id)),
  stats: orgProcedure.input(z.object({ id })).query(({ ctx, input }) => getKnowledgeBaseStats(ctx.core, input.id)),
  /** Deletes every document and chunk but keeps the knowledge base and its bot links. */
  clear: orgProcedure.input(z.object({ id })).mutation(({ ctx, input }) => clearKnowledgeBase(ctx.core, input.id)),
} satisfies TRPCRouterRecord;

const documentsRouter = {
  list: orgProcedure
    .input(listDocumentsInput.extend({ knowledgeBaseId: id }))
    .query(({ ctx, input: { knowledgeBaseId, ...filters } }) => listDocuments(ctx.core, knowledgeBaseId, filters)),
  get: orgProcedure.input(documentRef).query(({ ctx, input }) => getDocument(ctx.core, input.knowledgeBaseId, input.documentId)),
  delete: orgProcedure
    .input(documentRef)
    .mutation(({ ctx, input }) => deleteDocument(ctx.core, input.knowledgeBaseId, input.documentId)),
  // Files are uploaded through POST /api/admin/knowledge/bases/:id/documents (src/admin/upload-route.ts), which
  // counts them while they stream; a tRPC procedure only runs once its whole body has been read.
  addText: orgProcedure
    .input(z.object({ knowledgeBaseId: id, title: z.string(), text: z.string(), tags: documentTagsSchema.optional() }))
    .mutation(({ ctx, input: { knowledgeBaseId, ...rest } }) => addDocument(ctx.core, knowledgeBaseId, { kind: "text", ...rest })),
  addUrl: orgProcedure
    .input(z.object({ knowledgeBaseId: id, url: z.string(), title: z.string().optional(), tags: documentTagsSchema.optional() }))
    .mutation(({ ctx, input: { knowledgeBaseId, ...rest } }) => addDocument(ctx.core, knowledgeBaseId, { kind: "url", ...rest })),
  /** Queues a failed (or stuck) document again; CONFLICT if it is ready or still processing. */
  retry: orgProcedure.input(z.object({ documentId: id })).mutation(({ ctx, input }) => retryDocument(ctx.core, input.documentId)),
} satisfies TRPCRouterRecord;

const faqsRouter = {
  /** `{knowledgeBaseId, limit?, cursor?, tag?}` → `{data: Faq[], nextCursor}` (oldest first). */
  list: orgProcedure
    .input(listFaqsInput.extend({ knowledgeBaseId: id }))
    .query(({ ctx, input: { knowledgeBaseId, ...page } }) => listFaqs(ctx.core, knowledgeBaseId, page)),
  get: orgProcedure.input(z.object({ documentId: id })).query(({ ctx, input }) => getFaq(ctx.core, input.documentId)),
  /** `{knowledgeBaseId, question, answer, tags?}` → Faq & {outcome: created | updated | unchanged}. */
  create: orgProcedure
    .input(faqInput.extend({ knowledgeBaseId: id }))
    .mutation(({ ctx, input: { knowledgeBaseId, ...faq } }) => createFaq(ctx.core, knowledgeBaseId, faq)),
  /** `{knowledgeBaseId, items: [{question, answer, tags?}] (≤ 10,000)}` → counts; BAD_REQUEST with `fields[].row` per bad row. */
  bulk: orgProcedure
    .input(bulkFaqInput.extend({ knowledgeBaseId: id }))
    .mutation(({ ctx, input: { knowledgeBaseId, items } }) => bulkCreateFaqs(ctx.core, knowledgeBaseId, { items })),
  /** `{documentId, data: {question?, answer?, tags?}}` → Faq. */
  update: orgProcedure
    .input(z.object({ documentId: id, data: updateFaqInput }))
    .mutation(({ ctx, input }) => updateFaq(ctx.core, input.documentId, input.data)),
  delete: orgProcedure.input(z.object({ documentId: id })).mutation(({ ctx, input }) => deleteFaq(ctx.core, input.documentId)),
} satisfies TRPCRouterRecord;

export const knowledgeRouter = {
  bases: basesRouter,
  documents: documentsRouter,
  faqs: faqsRouter,
  crawls: crawlsRouter,
  expansions: expansionsRouter,
} satisfies TRPCRouterRecord;
