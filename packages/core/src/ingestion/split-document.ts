import { countTokens, splitText } from "@frontdesk/rag";
import { IngestionFailure } from "./ingestion-failure";
import type { ExtractOutcome, PreparedChunk } from "./types";

type Extracted = Extract<ExtractOutcome, { outcome: "extracted" }>;

/** Step 2: token-bounded chunks, numbered across the whole document; PDF chunks remember their page. */
export async function splitDocument(extracted: Extracted): Promise<PreparedChunk[]> {
  const { chunkSize, chunkOverlap } = extracted.fingerprint;
  const chunks: PreparedChunk[] = [];
  for (const section of extracted.sections) {
    if (section.atomic) {
      // Rows, records and FAQ pairs stay whole even past chunkSize: half a row answers nothing.
      const content = section.text.trim();
      if (content !== "") chunks.push({ content, tokenCount: countTokens(content), position: chunks.length, metadata: {} });
      continue;
    }
    const pieces = await splitText(section.text, { chunkSize, chunkOverlap, format: extracted.format });
    for (const piece of pieces) {
      chunks.push({
        content: piece.content,
        tokenCount: piece.tokenCount,
        position: chunks.length,
        metadata: section.page === undefined ? {} : { page: section.page },
      });
    }
  }
  if (chunks.length === 0) throw new IngestionFailure("No text found in the document");
  return chunks;
}
