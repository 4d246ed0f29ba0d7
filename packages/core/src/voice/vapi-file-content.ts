import type { Document } from "@frontdesk/db";
import type { vapiProvider } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { faqChunkText } from "../knowledge/faq-content";
import { readFaq } from "../knowledge/views";
import { readUpload } from "../storage";

/** File types Vapi's knowledge base reads as they are; other uploads go as their extracted text. */
const VAPI_READABLE = new Map([
  ["application/pdf", ".pdf"],
  ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", ".docx"],
  ["application/msword", ".doc"],
  ["text/plain", ".txt"],
  ["text/markdown", ".md"],
  ["text/csv", ".csv"],
  ["application/json", ".json"],
]);

/** A name Vapi shows and that ends in the type's extension (Vapi reads the type from it). */
function fileNameFor(doc: Pick<Document, "title" | "sourceUri">, extension: string): string {
  const base = (doc.sourceUri && !doc.sourceUri.includes("://") && !doc.sourceUri.startsWith("faq:") ? doc.sourceUri : doc.title)
    .replace(/[^\p{L}\p{N}._ -]+/gu, "-")
    .slice(0, 120);
  return base.toLowerCase().endsWith(extension) ? base : `${base.replace(/\.[a-z0-9]{1,5}$/i, "")}${extension}`;
}

/**
 * What Vapi gets for one document: the uploaded file itself when Vapi reads its type, a FAQ as its question and
 * answer, and anything else (web pages, HTML, slides) as the text Frontdesk extracted, in chunk order.
 */
export async function vapiFileContent(ctx: ServiceContext, doc: Document): Promise<vapiProvider.VapiUpload> {
  const extension = VAPI_READABLE.get(doc.mimeType);
  if (doc.storagePath && extension) {
    return { fileName: fileNameFor(doc, extension), mimeType: doc.mimeType, bytes: await readUpload(ctx.config, doc.storagePath) };
  }
  const faq = doc.sourceKind === "faq" ? readFaq(doc.metadata) : undefined;
  if (faq) return { fileName: fileNameFor({ title: faq.question, sourceUri: null }, ".txt"), mimeType: "text/plain", bytes: new TextEncoder().encode(faqChunkText(faq)) };
  const chunks = await ctx.prisma.chunk.findMany({ where: { documentId: doc.id }, orderBy: { position: "asc" }, select: { content: true } });
  const text = [`# ${doc.title}`, ...(doc.sourceUri?.includes("://") ? [`Source: ${doc.sourceUri}`] : []), ...chunks.map((chunk) => chunk.content)].join("\n\n");
  return { fileName: fileNameFor(doc, ".md"), mimeType: "text/markdown", bytes: new TextEncoder().encode(text) };
}
