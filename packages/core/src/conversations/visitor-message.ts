import type { Message } from "@frontdesk/db";
import { z } from "zod";
import { leadFieldSchema } from "../bots/widget-settings";
import { readLeadForm } from "../leads/lead-form";
import { citationSchema } from "./schemas";
import { readCitations } from "./views";

/** A message as the visitor's widget shows it: no usage numbers, a lead form spelled out when it is one. */
export const visitorMessageSchema = z.object({
  id: z.string(),
  role: z.enum(["user", "assistant", "operator"]),
  content: z.string(),
  citations: z.array(citationSchema),
  createdAt: z.string(),
  form: z
    .object({ fields: z.array(leadFieldSchema), requiredFields: z.array(leadFieldSchema), submitted: z.boolean() })
    .optional(),
  /** The visitor's own thumbs up/down on an answer. */
  rating: z.enum(["up", "down"]).optional(),
});
export type VisitorMessage = z.infer<typeof visitorMessageSchema>;

export const isVisibleToVisitor = (message: Message): boolean =>
  message.role === "user" || message.role === "assistant" || message.role === "operator";

export function toVisitorMessage(message: Message): VisitorMessage {
  const form = readLeadForm(message.metadata);
  const rating = readRating(message.metadata);
  return {
    id: message.id,
    role: message.role as VisitorMessage["role"],
    content: message.content,
    citations: readCitations(message.citations),
    createdAt: message.createdAt.toISOString(),
    ...(form ? { form: { fields: form.fields, requiredFields: form.requiredFields, submitted: Boolean(form.submittedAt) } } : {}),
    ...(rating ? { rating } : {}),
  };
}

function readRating(metadata: Message["metadata"]): "up" | "down" | undefined {
  const rating = metadata && typeof metadata === "object" && !Array.isArray(metadata) ? metadata.rating : undefined;
  return rating === "up" || rating === "down" ? rating : undefined;
}
