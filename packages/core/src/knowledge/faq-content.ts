import { createHash } from "node:crypto";

/** How a question is compared: case, spacing and trailing punctuation do not make a different question. */
export function normalizeQuestion(question: string): string {
  return question
    .normalize("NFKC")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .replace(/[\s?¿!¡.。？]+$/u, "")
    .replace(/^[\s¿¡]+/u, "")
    .trim();
}

/** Document.sourceUri of a FAQ: re-posting the same question updates that document instead of adding one. */
export const faqSourceUri = (question: string) => `faq:${normalizeQuestion(question)}`.slice(0, 2048);

/** The one chunk a FAQ document has; never split. */
export const faqChunkText = (faq: { question: string; answer: string }) => `Q: ${faq.question}\nA: ${faq.answer}`;

/** Namespaced so a text document with the same words never collides with a FAQ on (knowledgeBaseId, contentHash). */
export const faqContentHash = (faq: { question: string; answer: string }) =>
  createHash("sha256").update(`faq\n${faqChunkText(faq)}`).digest("hex");
