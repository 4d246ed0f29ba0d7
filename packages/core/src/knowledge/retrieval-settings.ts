import type { FusionOptions } from "@frontdesk/rag";
import { z } from "zod";
import { parseInput } from "../parse-input";

/**
 * A knowledge base's retrieval settings (KnowledgeBase.retrievalSettings). Every field is optional in storage;
 * readRetrievalSettings fills the defaults, so old rows and partial updates keep working.
 */
export const retrievalSettingsSchema = z
  .object({
    /** "convex": weighted sum of normalised scores (default); "rrf": reciprocal rank fusion. */
    fusion: z.enum(["convex", "rrf"]),
    /** Relative weight of the vector (semantic) side, 0..1; only its ratio to fullTextWeight matters. */
    vectorWeight: z.number().min(0).max(1),
    /** Relative weight of the full-text (BM25) side, 0..1. */
    fullTextWeight: z.number().min(0).max(1),
    /** Minimum cosine similarity (a strong full-text match passes anyway); null = no threshold. */
    minScore: z.number().min(0).max(1).nullable(),
    /** Results a search returns when the caller gives no limit. */
    topK: z.number().int().min(1).max(50),
    /** Rerank the fused candidates with the lexical-proximity reranker. */
    rerank: z.boolean(),
    /** Pseudo-relevance feedback: expand the full-text query with the best first results' terms (RM3). */
    feedback: z.boolean(),
    /** Rank a query by full text alone when the vectors disagree with it altogether (a language the model cannot read). */
    adaptiveFusion: z.boolean(),
  })
  .strict()
  .refine((settings) => settings.vectorWeight + settings.fullTextWeight > 0, {
    path: ["fullTextWeight"],
    message: "vectorWeight and fullTextWeight cannot both be 0",
  });
export type RetrievalSettings = z.infer<typeof retrievalSettingsSchema>;

/** What PATCH accepts: any subset, merged into the stored settings. */
export const retrievalSettingsPatch = z
  .object({
    fusion: z.enum(["convex", "rrf"]).optional(),
    vectorWeight: z.number().min(0).max(1).optional(),
    fullTextWeight: z.number().min(0).max(1).optional(),
    minScore: z.number().min(0).max(1).nullable().optional(),
    topK: z.number().int().min(1).max(50).optional(),
    rerank: z.boolean().optional(),
    feedback: z.boolean().optional(),
    adaptiveFusion: z.boolean().optional(),
  })
  .strict();
export type RetrievalSettingsPatch = z.input<typeof retrievalSettingsPatch>;

export const defaultRetrievalSettings: RetrievalSettings = {
  fusion: "convex",
  vectorWeight: 0.5,
  fullTextWeight: 0.5,
  minScore: null,
  topK: 8,
  rerank: false,
  feedback: true,
  adaptiveFusion: true,
};

/** Stored JSON → complete settings; unknown or invalid stored values fall back to the defaults field by field. */
export function readRetrievalSettings(stored: unknown): RetrievalSettings {
  const record = stored && typeof stored === "object" && !Array.isArray(stored) ? (stored as Record<string, unknown>) : {};
  const settings = { ...defaultRetrievalSettings };
  for (const key of Object.keys(defaultRetrievalSettings) as Array<keyof RetrievalSettings>) {
    const field = retrievalSettingsPatch.shape[key].safeParse(record[key]);
    if (field.success && field.data !== undefined) Object.assign(settings, { [key]: field.data });
  }
  return retrievalSettingsSchema.safeParse(settings).success ? settings : { ...defaultRetrievalSettings };
}

/** Settings after a patch; an invalid result is a 422 naming the field ("retrievalSettings.fullTextWeight"). */
export function mergeRetrievalSettings(current: unknown, patch: RetrievalSettingsPatch): RetrievalSettings {
  const merged = { ...readRetrievalSettings(current), ...patch };
  return parseInput(z.object({ retrievalSettings: retrievalSettingsSchema }), { retrievalSettings: merged }).retrievalSettings;
}

/** The fusion part of the settings as hybridSearch takes it (feedback included: it decides the text list fused). */
export function toFusionOptions(settings: RetrievalSettings): FusionOptions {
  return {
    fusion: settings.fusion,
    feedback: settings.feedback,
    adaptive: settings.adaptiveFusion,
    textWeight: settings.fullTextWeight / (settings.vectorWeight + settings.fullTextWeight),
    ...(settings.minScore !== null ? { minScore: settings.minScore } : {}),
  };
}
