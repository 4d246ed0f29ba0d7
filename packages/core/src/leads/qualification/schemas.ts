import { z } from "zod";

export const leadTiers = ["hot", "warm", "cold"] as const;
export const leadTierSchema = z.enum(leadTiers);
export type LeadTier = z.infer<typeof leadTierSchema>;

/** What the conversation says about the lead's need; null = not said. */
export const qualificationSchema = z.object({
  serviceInterest: z.string().nullable(),
  urgency: z.enum(["high", "medium", "low"]).nullable(),
  budget: z.string().nullable(),
  timeline: z.string().nullable(),
});
export type Qualification = z.infer<typeof qualificationSchema>;

export const emptyQualification: Qualification = { serviceInterest: null, urgency: null, budget: null, timeline: null };

export function readQualification(value: unknown): Qualification {
  const parsed = qualificationSchema.partial().safeParse(value);
  return { ...emptyQualification, ...(parsed.success ? parsed.data : {}) };
}

/** One scoring of a conversation: the tier follows from the score (hot ≥ 55, warm ≥ 25, else cold). */
export interface LeadAssessment {
  tier: LeadTier;
  score: number;
  reasons: string[];
  qualification: Qualification;
  /** Contact details found in the visitor's messages (stored on the lead when it has none). */
  contact: { name?: string; email?: string; phone?: string };
  method: "rules" | "model";
}

export const HOT_SCORE = 55;
export const WARM_SCORE = 25;

export const tierForScore = (score: number): LeadTier => (score >= HOT_SCORE ? "hot" : score >= WARM_SCORE ? "warm" : "cold");
