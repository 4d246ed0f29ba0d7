import {
  AppError,
  addDocument,
  bulkCreateFaqs,
  createFaq,
  deleteFaq,
  listFaqs,
  retryDocument,
  updateFaq,
  clearKnowledgeBase,
  createKnowledgeBase,
  deleteDocument,
  deleteKnowledgeBase,
  getDocument,
  getKnowledgeBase,
  getKnowledgeBaseStats,
  listDocuments,
  listKnowledgeBases,
  searchKnowledge,
  updateKnowledgeBase,
  type AddDocumentInput,
  type AppDeps,
} from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";
import { uploadLimit } from "./upload-limit";

const isMultipart = (contentType: string) => /^(multipart\/form-data|application\/x-www-form-urlencoded)/i.test(contentType);
const isJson = (contentType: string) => /^application\/([\w.+-]+\+)?json/i.test(contentType);

/** The upload form's `tags` field: "billing, es" → ["billing", "es"]. */
const splitTags = (tags: string | undefined) =>
  tags === undefined ? undefined : tags.split(",").map((tag) => tag.trim()).filter(Boolean);

export function knowledgeRoutes(deps: AppDeps) {
  const app = new OpenAPIHono();
  app.on("POST", "/knowledge/bases/:id/documents", uploadLimit(deps.config.UPLOAD_MAX_BYTES));

  app.openapi(specs.createKnowledgeBaseSpec, async (c) =>
    c.json(await createKnowledgeBase(c.var.ctx, c.req.valid("json")), 201),
  );
  app.openapi(specs.listKnowledgeBasesSpec, async (c) => c.json({ data: await listKnowledgeBases(c.var.ctx) }, 200));
  app.openapi(specs.getKnowledgeBaseSpec, async (c) => c.json(await getKnowledgeBase(c.var.ctx, c.req.valid("param").id), 200));
  app.openapi(specs.updateKnowledgeBaseSpec, async (c) =>
    c.json(await updateKnowledgeBase(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200),
  );
  app.openapi(specs.deleteKnowledgeBaseSpec, async (c) =>
    c.json(await deleteKnowledgeBase(c.var.ctx, c.req.valid("param").id), 200),
  );

  app.openapi(specs.addDocumentSpec, async (c) => {
    const contentType = c.req.header("content-type") ?? "";
    if (!isMultipart(contentType) && !isJson(contentType)) {
      throw new AppError("unsupported_media_type", "Send multipart/form-data with a `file` field, or JSON {title, text} / {url}");
    }
    const body = isMultipart(contentType) ? c.req.valid("form") : c.req.valid("json");
    let input: AddDocumentInput;
    if ("file" in body) {
      input = {
        kind: "file",
        fileName: body.file.name,
        mimeType: body.file.type || undefined,
        title: body.title,
        bytes: new Uint8Array(await body.file.arrayBuffer()),
        tags: splitTags(body.tags),
      };
    } else if ("url" in body) {
      input = { kind: "url", url: body.url, title: body.title, tags: body.tags };
    } else {
      input = { kind: "text", title: body.title, text: body.text, tags: body.tags };
    }
    const result = await addDocument(c.var.ctx, c.req.valid("param").id, input);
    return c.json(result, result.duplicate && result.kind === "document" ? 200 : 201);
  });
  app.openapi(specs.listDocumentsSpec, async (c) =>
    c.json({ data: await listDocuments(c.var.ctx, c.req.valid("param").id, c.req.valid("query")) }, 200),
  );
  app.openapi(specs.getDocumentSpec, async (c) => {
    const { id, docId } = c.req.valid("param");
    return c.json(await getDocument(c.var.ctx, id, docId), 200);
  });
  app.openapi(specs.deleteDocumentSpec, async (c) => {
    const { id, docId } = c.req.valid("param");
    return c.json(await deleteDocument(c.var.ctx, id, docId), 200);
  });

  app.openapi(specs.searchKnowledgeSpec, async (c) => c.json({ data: await searchKnowledge(c.var.ctx, c.req.valid("json")) }, 200));
  app.openapi(specs.knowledgeBaseStatsSpec, async (c) =>
    c.json(await getKnowledgeBaseStats(c.var.ctx, c.req.valid("param").id), 200),
  );
  app.openapi(specs.createFaqSpec, async (c) => {
    const faq = await createFaq(c.var.ctx, c.req.valid("param").id, c.req.valid("json"));
    return c.json(faq, faq.outcome === "created" ? 201 : 200);
  });
  app.openapi(specs.bulkFaqsSpec, async (c) => c.json(await bulkCreateFaqs(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 201));
  app.openapi(specs.listFaqsSpec, async (c) => c.json(await listFaqs(c.var.ctx, c.req.valid("param").id, c.req.valid("query")), 200));
  app.openapi(specs.updateFaqSpec, async (c) =>
    c.json(await updateFaq(c.var.ctx, c.req.valid("param").documentId, c.req.valid("json")), 200),
  );
  app.openapi(specs.deleteFaqSpec, async (c) => c.json(await deleteFaq(c.var.ctx, c.req.valid("param").documentId), 200));
  app.openapi(specs.retryDocumentSpec, async (c) => c.json(await retryDocument(c.var.ctx, c.req.valid("param").documentId), 202));

  app.openapi(specs.clearKnowledgeBaseSpec, async (c) => c.json(await clearKnowledgeBase(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
