import { answerKnowledgeGapInput, answeredKnowledgeGapSchema, gapStatus, knowledgeGapSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["Learning"];
const KnowledgeGap = knowledgeGapSchema.meta({ id: "KnowledgeGap" });
const json = <T extends z.ZodType>(schema: T, description: string) => ({ description, content: { "application/json": { schema } } });
const params = z.object({ id: idParam("id", "Knowledge gap id") });

export const listKnowledgeGapsSpec = createRoute({
  method: "get",
  path: "/knowledge-gaps",
  tags,
  summary: "List knowledge gaps, most asked first",
  description:
    "Questions the bot could not answer from its knowledge (declined, nothing relevant found, the visitor said the " +
    "answer missed), near-duplicates merged by meaning with the embedding model. A question answered later in the " +
    "same conversation by a rephrase does not count (it teaches a query expansion instead).",
  request: {
    query: z.object({
      status: gapStatus.optional().openapi({ description: "Default open" }),
      botId: z.string().min(1).optional(),
      limit: z.coerce.number().int().min(1).max(200).optional(),
    }),
  },
  responses: { 200: json(z.object({ data: z.array(KnowledgeGap) }), "Gaps"), ...problems(422) },
});

export const answerKnowledgeGapSpec = createRoute({
  method: "post",
  path: "/knowledge-gaps/{id}/answer",
  tags,
  summary: "Answer a gap: it becomes an FAQ and is resolved",
  description: "Adds the FAQ (question: the gap's, unless given) to `knowledgeBaseId` or the bot's first knowledge base.",
  request: { params, body: { required: true, content: { "application/json": { schema: answerKnowledgeGapInput } } } },
  responses: { 200: json(answeredKnowledgeGapSchema.meta({ id: "AnsweredKnowledgeGap" }), "The resolved gap and its FAQ"), ...problems(400, 404, 422) },
});

export const dismissKnowledgeGapSpec = createRoute({
  method: "post",
  path: "/knowledge-gaps/{id}/dismiss",
  tags,
  summary: "Dismiss a gap (hidden from the open list)",
  request: { params },
  responses: { 200: json(KnowledgeGap, "The dismissed gap"), ...problems(404) },
});
