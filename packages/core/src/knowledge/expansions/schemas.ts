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

export const queryExpansionSchema = z.object({
  id: z.string(),
  knowledgeBaseId: z.string(),
  term: z.string(),
  expansions: z.array(z.string()),
  source: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type QueryExpansionView = z.infer<typeof queryExpansionSchema>;
