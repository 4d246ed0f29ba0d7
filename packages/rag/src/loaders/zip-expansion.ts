import yauzl from "yauzl";
import { ExtractionError } from "./extraction-error";
import { expandsTooMuch } from "./expansion-limits";

export interface ZipExpansionCheck {
  /** Most bytes the checked entries may expand to, together. */
  maxExpandedBytes: number;
  /** Which entries the reader will inflate (others, e.g. images never decoded, are not checked). */
  reads: (entryName: string) => boolean;
  /** What to call the file in the failure reason, e.g. "the file". */
  label: string;
}

/**
 * Refuses a zip bomb before a parser inflates it. First from the central directory (each entry's declared
 * uncompressed size, added up), then, because a header can lie, by inflating each checked entry as a stream:
 * yauzl fails an entry that yields more bytes than its header declared, and the running total is capped too,
 * so no more than `maxExpandedBytes` is ever inflated. The inflated bytes are counted, never kept.
 */
export async function assertZipExpandsWithin(bytes: Uint8Array, check: ZipExpansionCheck): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), {
      lazyEntries: true,
      strictFileNames: false,
    });
  } catch (error) {
    throw damaged(error);
  }
  try {
    const checked: yauzl.Entry[] = [];
    let declared = 0;
    for await (const entry of zip.eachEntry()) {
      if (entry.fileName.endsWith("/") || !check.reads(entry.fileName)) continue;
      declared += entry.uncompressedSize;
      if (declared > check.maxExpandedBytes) throw expandsTooMuch(check.label, check.maxExpandedBytes);
      checked.push(entry);
    }
    let inflated = 0;
    for (const entry of checked) {
      const stream = await zip.openReadStreamPromise(entry);
      try {
        for await (const part of stream as AsyncIterable<Buffer>) {
          inflated += part.byteLength;
          if (inflated > check.maxExpandedBytes) throw expandsTooMuch(check.label, check.maxExpandedBytes);
        }
      } finally {
        stream.destroy();
      }
    }
  } catch (error) {
    if (error instanceof ExtractionError) throw error;
    // "too many bytes in the stream": the entry inflates past the size its header declared.
    if (error instanceof Error && /too many bytes/.test(error.message)) {
      throw new ExtractionError("too_large", `${check.label} is damaged or hostile: a part expands past the size its zip header declares`, {
        cause: error,
      });
    }
    throw damaged(error);
  } finally {
    zip.close();
  }
}

function damaged(error: unknown): ExtractionError {
  const detail = error instanceof Error ? error.message : String(error);
  return new ExtractionError("corrupt", `DOCX could not be read (damaged file?): ${detail}`, { cause: error });
}
