import {
  faqImportResultSchema,
  faqInput,
  faqPageSchema,
  faqSchema,
  updateFaqInput,
  MAX_FAQ_BULK_ITEMS,
  addDocumentJsonBody,
  addDocumentResultSchema,
  createKnowledgeBaseInput,
  documentSchema,
  documentStatusSchema,
  knowledgeBaseSchema,
  knowledgeBaseStatsSchema,
  searchKnowledgeInput,
  searchResultSchema,
  updateKnowledgeBaseInput,
} from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { deletedSchema, idParam, problems } from "../problem-schemas";

const tags = ["Knowledge"];
const KnowledgeBase = knowledgeBaseSchema.meta({ id: "KnowledgeBase" });
const Document = documentSchema.meta({ id: "Document" });
const AddedDocument = addDocumentResultSchema.meta({ id: "AddedDocument" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
const kbParams = z.object({ id: idParam("id", "Knowledge base id") });
const docParams = kbParams.extend({ docId: idParam("docId", "Document id") });

export const createKnowledgeBaseSpec = createRoute({
  method: "post",
  path: "/knowledge/bases",
  tags,
  summary: "Create a knowledge base",
  description: "The new knowledge base uses the server's configured embedding model.",
  request: { body: { required: true, content: { "application/json": { schema: createKnowledgeBaseInput } } } },
  responses: { 201: json(KnowledgeBase, "Created"), ...problems(400, 422) },
});

export const listKnowledgeBasesSpec = createRoute({
  method: "get",
  path: "/knowledge/bases",
  tags,
  summary: "List knowledge bases",
  responses: { 200: json(z.object({ data: z.array(KnowledgeBase) }), "Knowledge bases, oldest first"), ...problems() },
});

export const getKnowledgeBaseSpec = createRoute({
  method: "get",
  path: "/knowledge/bases/{id}",
  tags,
  summary: "Get a knowledge base",
  request: { params: kbParams },
  responses: { 200: json(KnowledgeBase, "The knowledge base"), ...problems(404) },
});

export const updateKnowledgeBaseSpec = createRoute({
  method: "patch",
  path: "/knowledge/bases/{id}",
  tags,
  summary: "Update a knowledge base",
  description: "Chunking changes apply to documents ingested afterwards.",
  request: { params: kbParams, body: { required: true, content: { "application/json": { schema: updateKnowledgeBaseInput } } } },
  responses: { 200: json(KnowledgeBase, "Updated"), ...problems(400, 404, 422) },
});

export const deleteKnowledgeBaseSpec = createRoute({
  method: "delete",
  path: "/knowledge/bases/{id}",
  tags,
  summary: "Delete a knowledge base with its documents, chunks and uploads",
  request: { params: kbParams },
  responses: { 200: json(deletedSchema, "Deleted"), ...problems(404) },
});

const uploadForm = z.object({
  file: z
    .instanceof(File, { message: 'file is required (multipart field "file")' })
    .openapi({ type: "string", format: "binary", description: "PDF, DOCX, HTML, Markdown or plain text" }),
  title: z.string().trim().min(1).max(300).optional().openapi({ description: "Defaults to the file name" }),
  tags: z.string().max(2000).optional().openapi({ description: "Comma-separated tags, e.g. `billing,es`" }),
});

export const addDocumentSpec = createRoute({
  method: "post",
  path: "/knowledge/bases/{id}/documents",
  tags,
  summary: "Add a document (file upload, text or URL)",
  description:
    "Multipart with a `file` field (and optional `title`), or JSON `{title, text}` or `{url, title?}`. The document " +
    "is queued for ingestion; poll it until `status` is `ready`. Identical content already in the knowledge base " +
    "returns the existing document with `duplicate: true` (200). A new version of a source already there (same file " +
    "name or URL) updates that document (`replaced: true`); its old chunks keep answering until the new ones are " +
    "stored. A CSV whose header has question and answer columns (question/answer, q/a, pregunta/respuesta …) " +
    "becomes one FAQ document per row and answers `{kind: \"faqs\", created, updated, unchanged}`. The file is " +
    "counted while it streams: past UPLOAD_MAX_BYTES the upload is cut off with a 413 naming `file` and the limit.",
  request: {
    params: kbParams,
    body: {
      // Not "required": with two media types that would run both validators on every request.
      required: false,
      content: {
        "multipart/form-data": { schema: uploadForm },
        "application/json": { schema: addDocumentJsonBody },
      },
    },
  },
  responses: {
    201: json(AddedDocument, "Queued for ingestion (or FAQ rows imported from a question/answer CSV)"),
    200: json(AddedDocument, "Duplicate of an existing document"),
    ...problems(400, 404, 413, 415, 422, 503),
  },
});

export const listDocumentsSpec = createRoute({
  method: "get",
  path: "/knowledge/bases/{id}/documents",
  tags,
  summary: "List documents",
  request: {
    params: kbParams,
    query: z.object({
      status: documentStatusSchema.optional(),
      tag: z.string().trim().min(1).max(50).optional(),
      limit: z.coerce.number().int().min(1).max(500).optional(),
    }),
  },
  responses: { 200: json(z.object({ data: z.array(Document) }), "Documents, newest first"), ...problems(404, 422) },
});

export const getDocumentSpec = createRoute({
  method: "get",
  path: "/knowledge/bases/{id}/documents/{docId}",
  tags,
  summary: "Get a document (poll its status)",
  request: { params: docParams },
  responses: { 200: json(Document, "The document"), ...problems(404) },
});

export const deleteDocumentSpec = createRoute({
  method: "delete",
  path: "/knowledge/bases/{id}/documents/{docId}",
  tags,
  summary: "Delete a document, its chunks and its upload",
  request: { params: docParams },
  responses: { 200: json(deletedSchema, "Deleted"), ...problems(404) },
});

export const searchKnowledgeSpec = createRoute({
  method: "post",
  path: "/knowledge/search",
  tags,
  summary: "Hybrid search",
  description: "Vector + full-text search over one knowledge base, a bot's knowledge bases, or (neither given) all of them.",
  request: { body: { required: true, content: { "application/json": { schema: searchKnowledgeInput } } } },
  responses: {
    200: json(z.object({ data: z.array(searchResultSchema.meta({ id: "SearchResult" })) }), "Best matches first"),
    ...problems(400, 404, 409, 422),
  },
});

export const knowledgeBaseStatsSpec = createRoute({
  method: "get",
  path: "/knowledge/bases/{id}/stats",
  tags,
  summary: "Document counts by status, chunks and tokens",
  request: { params: kbParams },
  responses: { 200: json(knowledgeBaseStatsSchema.meta({ id: "KnowledgeBaseStats" }), "Stats"), ...problems(404) },
});

export const clearKnowledgeBaseSpec = createRoute({
  method: "post",
  path: "/knowledge/bases/{id}/clear",
  tags,
  summary: "Delete every document (keeps the knowledge base and its settings)",
  request: { params: kbParams },
  responses: {
    200: json(z.object({ id: z.string(), deletedDocuments: z.number().int() }), "Cleared"),
    ...problems(404),
  },
});

const Faq = faqSchema.meta({ id: "Faq" });
const FaqImport = faqImportResultSchema.meta({ id: "FaqImport" });
const faqParams = z.object({ documentId: idParam("documentId", "FAQ document id") });

export const createFaqSpec = createRoute({
  method: "post",
  path: "/knowledge/bases/{id}/faqs",
  tags,
  summary: "Add a FAQ pair",
  description:
    "One question and answer become one document (`sourceKind: faq`, `sourceUri: faq:<normalized question>`) with " +
    "exactly one chunk `Q: …\nA: …`, never split. Posting a question that already exists (same words, ignoring " +
    "case, spacing and trailing punctuation) updates its answer (200) or changes nothing (200).",
  request: { params: kbParams, body: { required: true, content: { "application/json": { schema: faqInput } } } },
  responses: {
    201: json(Faq.extend({ outcome: z.enum(["created", "updated", "unchanged"]) }), "Created and queued"),
    200: json(Faq.extend({ outcome: z.enum(["created", "updated", "unchanged"]) }), "An existing FAQ, updated or unchanged"),
    ...problems(400, 404, 422, 503),
  },
});

export const bulkFaqsSpec = createRoute({
  method: "post",
  path: "/knowledge/bases/{id}/faqs/bulk",
  tags,
  summary: `Add or update up to ${MAX_FAQ_BULK_ITEMS} FAQ pairs`,
  description:
    "Every row is validated; if any is bad the reply is 422 with `errors: [{row, field, message}]` for every bad row " +
    "(`row` = index in `items`) and nothing is written. Otherwise existing questions are updated, identical pairs " +
    "are left alone and the rest are created; ingestion is queued in batches.",
  request: {
    params: kbParams,
    body: {
      required: true,
      // Rows are checked by the service so every bad row is reported with its index, not just the first.
      content: {
        "application/json": {
          schema: z.object({
            items: z
              .array(z.unknown().openapi({ type: "object", description: "A FAQ pair: {question, answer, tags?}" }))
              .openapi({ description: `1 to ${MAX_FAQ_BULK_ITEMS} pairs` }),
          }),
        },
      },
    },
  },
  responses: { 201: json(FaqImport, "Imported (counts)"), ...problems(400, 404, 413, 422, 503) },
});

export const listFaqsSpec = createRoute({
  method: "get",
  path: "/knowledge/bases/{id}/faqs",
  tags,
  summary: "List FAQ pairs (paginated)",
  request: {
    params: kbParams,
    query: z.object({
      limit: z.coerce.number().int().min(1).max(500).optional(),
      cursor: z.string().min(1).max(200).optional().openapi({ description: "`nextCursor` of the previous page" }),
      tag: z.string().trim().min(1).max(50).optional(),
    }),
  },
  responses: { 200: json(faqPageSchema.meta({ id: "FaqPage" }), "Oldest first"), ...problems(404, 422) },
});

export const updateFaqSpec = createRoute({
  method: "patch",
  path: "/knowledge/faqs/{documentId}",
  tags,
  summary: "Edit a FAQ pair",
  description: "A new question or answer replaces the FAQ's one chunk atomically once re-embedded; tags alone change nothing else.",
  request: { params: faqParams, body: { required: true, content: { "application/json": { schema: updateFaqInput } } } },
  responses: { 200: json(Faq, "Updated"), ...problems(400, 404, 409, 422) },
});

export const deleteFaqSpec = createRoute({
  method: "delete",
  path: "/knowledge/faqs/{documentId}",
  tags,
  summary: "Delete a FAQ pair and its chunk",
  request: { params: faqParams },
  responses: { 200: json(deletedSchema, "Deleted"), ...problems(404) },
});

export const retryDocumentSpec = createRoute({
  method: "post",
  path: "/knowledge/documents/{documentId}/retry",
  tags,
  summary: "Retry a failed (or stuck) document",
  description:
    "Queues the document for ingestion again; `attempts` goes up when the run starts. 409 if it is ready or still " +
    "being processed (a queued/processing document counts as stuck after 10 minutes without progress).",
  request: { params: z.object({ documentId: idParam("documentId", "Document id") }) },
  responses: { 202: json(Document, "Queued again"), ...problems(404, 409, 503) },
});
