import { z } from "zod";
import { faqSchema } from "../../knowledge/schemas";

export const gapStatus = z.enum(["open", "resolved", "dismissed"]);

export const listKnowledgeGapsInput = z
  .object({
    /** Default open: the questions still waiting for an answer. */
    status: gapStatus.default("open"),
    botId: z.string().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ListKnowledgeGapsInput = z.input<typeof listKnowledgeGapsInput>;

export const answerKnowledgeGapInput = z
  .object({
    answer: z.string().trim().min(1, "answer is required").max(10_000, "answer has at most 10000 characters"),
    /** The FAQ's question; default the gap's question. */
    question: z.string().trim().min(1).max(1000, "question has at most 1000 characters").optional(),
    /** Where the FAQ goes; default the bot's first knowledge base. */
    knowledgeBaseId: z.string().min(1).optional(),
  })
  .strict();
export type AnswerKnowledgeGapInput = z.input<typeof answerKnowledgeGapInput>;

export const knowledgeGapSchema = z.object({
  id: z.string(),
  botId: z.string(),
  /** The first wording asked; `examples` has up to 5 distinct wordings merged into this gap. */
  question: z.string(),
  /** How many failed questions the gap stands for. */
  count: z.number().int(),
  lastAskedAt: z.string(),
  status: gapStatus,
  examples: z.array(z.string()),
  /** The FAQ that answered it (status resolved). */
  faqDocumentId: z.string().nullable(),
});
export type KnowledgeGapView = z.infer<typeof knowledgeGapSchema>;

export const answeredKnowledgeGapSchema = z.object({ gap: knowledgeGapSchema, faq: faqSchema });
export type AnsweredKnowledgeGap = z.infer<typeof answeredKnowledgeGapSchema>;
