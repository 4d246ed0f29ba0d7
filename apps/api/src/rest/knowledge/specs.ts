import {
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
});

export const addDocumentSpec = createRoute({
  method: "post",
  path: "/knowledge/bases/{id}/documents",
  tags,
  summary: "Add a document (file upload, text or URL)",
  description:
    "Multipart with a `file` field (and optional `title`), or JSON `{title, text}` or `{url, title?}`. The document " +
    "is queued for ingestion; poll it until `status` is `ready`. Identical content already in the knowledge base " +
    "returns the existing document with `duplicate: true` (200).",
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
    201: json(AddedDocument, "Queued for ingestion"),
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
