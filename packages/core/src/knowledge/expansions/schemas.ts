import { z } from "zod";

/**
 * A visitor's word or phrase (at most 4 words), stored as its lower-cased words joined by single spaces
 * ("Wi-Fi" → "wi fi"); matching also folds diacritics, so "envío" and "envio" are the same term.
 */
const term = z
  .string()
  .trim()
  .min(1, "term is required")
  .max(100)
  .transform((value) => (value.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(" "))
  .refine((value) => value !== "", "term needs at least one letter or digit")
  .refine((value) => value.split(" ").length <= 4, "term has at most 4 words");

export const upsertQueryExpansionInput = z
  .object({
    term,
    /** Words added to the full-text query when `term` occurs in a question. */
    expansions: z
      .array(z.string().trim().min(1, "expansions must not be empty").max(100))
      .min(1, "give at least one expansion")
      .max(20, "at most 20 expansions")
      .transform((values) => [...new Set(values)]),
    source: z.enum(["manual", "learned"]).default("manual"),
  })
  .strict();
export type UpsertQueryExpansionInput = z.input<typeof upsertQueryExpansionInput>;

export const deleteQueryExpansionInput = z.object({ term }).strict();
export type DeleteQueryExpansionInput = z.input<typeof deleteQueryExpansionInput>;

export const expansionStatus = z.enum(["pending", "approved", "rejected"]);
export type ExpansionStatus = z.infer<typeof expansionStatus>;

export const listQueryExpansionsInput = z.object({ status: expansionStatus.optional() }).strict();
export type ListQueryExpansionsInput = z.input<typeof listQueryExpansionsInput>;

export const reviewQueryExpansionInput = z.object({ approved: z.boolean({ error: "approved must be true or false" }) }).strict();
export type ReviewQueryExpansionInput = z.input<typeof reviewQueryExpansionInput>;

export const queryExpansionSchema = z.object({
  id: z.string(),
  knowledgeBaseId: z.string(),
  term: z.string(),
  expansions: z.array(z.string()),
  /** manual (a person wrote it) or learned (proposed by the learning loop). */
  source: z.string(),
  /** Only approved expansions are used by search; learned ones start pending. */
  status: expansionStatus,
  /** Learned: 0..1, from how often the pair was seen and whether the answer it led to was accepted. */
  confidence: z.number().nullable(),
  /** Learned: the conversations and wordings it was learned from. */
  provenance: z.object({ examples: z.array(z.record(z.string(), z.unknown())) }),
  /** Times a chat answer's search applied it, and how many of those answers cited a source and were not rejected. */
  timesUsed: z.number().int(),
  timesSuccessful: z.number().int(),
  /** Used at least 3 times and successful in fewer than half: review whether it helps. */
  flagged: z.boolean(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QueryExpansionView = z.infer<typeof queryExpansionSchema>;
