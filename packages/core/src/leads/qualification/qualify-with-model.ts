import type { RagRuntime } from "@frontdesk/rag";
import { z } from "zod";
import { qualificationSchema, tierForScore, type LeadAssessment } from "./schemas";

type ChatModel = NonNullable<RagRuntime["chatModel"]>;

const modelAnswer = z.object({
  score: z.coerce.number().min(0).max(100),
  reasons: z.array(z.string().trim().min(1).max(120)).max(8),
  serviceInterest: qualificationSchema.shape.serviceInterest.optional(),
  urgency: qualificationSchema.shape.urgency.optional(),
  budget: qualificationSchema.shape.budget.optional(),
  timeline: qualificationSchema.shape.timeline.optional(),
  name: z.string().trim().max(200).nullable().optional(),
  email: z.email().nullable().optional().catch(null),
  phone: z.string().trim().max(40).nullable().optional(),
});

const nullableString = (description: string) => ({ type: ["string", "null"], description });

/** The structured output the model fills (JSON Schema, so every provider's tool calling accepts it). */
const outputSchema = {
  title: "lead_qualification",
  description: "How ready this visitor is to buy, from what they wrote.",
  type: "object",
  properties: {
    score: { type: "number", description: "0-100: 55+ ready to act now (wants to book, urgent, gave contact details), 25-54 interested, below 25 just asking" },
    reasons: { type: "array", items: { type: "string" }, description: 'Short reasons for the owner, e.g. "wants to book this week", "gave a phone number", "budget stated"' },
    serviceInterest: nullableString("The service or product they want, in a few words"),
    urgency: { type: ["string", "null"], enum: ["high", "medium", "low", null], description: "high = today/emergency, medium = this week, low = no hurry" },
    budget: nullableString("Budget or amount they mentioned, as written"),
    timeline: nullableString("When they want it, as written"),
    name: nullableString("The visitor's name if they gave it"),
    email: nullableString("The visitor's email if they gave it"),
    phone: nullableString("The visitor's phone number if they gave it"),
  },
  required: ["score", "reasons"],
} as const;

const INSTRUCTIONS =
  "You qualify sales leads for a small business's front desk. Read the visitor's messages (any language) and fill in lead_qualification. Reasons are in English and name only what the visitor actually said or gave.";

/** The organization's chat model scores the conversation with structured output; throws when its answer does not fit. */
export async function qualifyWithModel(
  chatModel: ChatModel,
  input: { messages: string[]; contact: { name?: string | null; email?: string | null; phone?: string | null } },
): Promise<LeadAssessment> {
  const known = Object.entries(input.contact).filter(([, value]) => value).map(([key, value]) => `${key}: ${value}`);
  const transcript = input.messages.map((message, index) => `${index + 1}. ${message}`).join("\n");
  const structured = chatModel.withStructuredOutput(outputSchema, { name: "lead_qualification", method: "functionCalling" });
  const raw = await structured.invoke([
    { role: "system", content: INSTRUCTIONS },
    { role: "user", content: `${known.length ? `Contact details already known: ${known.join(", ")}\n\n` : ""}Visitor's messages:\n${transcript}` },
  ]);
  const answer = modelAnswer.parse(raw);
  const score = Math.round(answer.score);
  const contact: LeadAssessment["contact"] = {};
  if (answer.name && !input.contact.name) contact.name = answer.name;
  if (answer.email && !input.contact.email) contact.email = answer.email.toLowerCase();
  if (answer.phone && !input.contact.phone) contact.phone = answer.phone;
  return {
    tier: tierForScore(score),
    score,
    reasons: answer.reasons,
    qualification: {
      serviceInterest: answer.serviceInterest ?? null,
      urgency: answer.urgency ?? null,
      budget: answer.budget ?? null,
      timeline: answer.timeline ?? null,
    },
    contact,
    method: "model",
  };
}
