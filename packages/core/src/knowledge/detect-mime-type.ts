import path from "node:path";

const byExtension: Record<string, string> = {
  ".pdf": "application/pdf",
  ".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  ".md": "text/markdown",
  ".markdown": "text/markdown",
  ".mdx": "text/markdown",
  ".txt": "text/plain",
  ".text": "text/plain",
  ".html": "text/html",
  ".htm": "text/html",
  ".csv": "text/csv",
  ".json": "application/json",
};

export const supportedMimeTypes = new Set(Object.values(byExtension));

/** Browsers and curl often send application/octet-stream or nothing; the extension is the better hint then. */
export function detectMimeType(fileName: string, declared?: string): string {
  const normalized = declared?.split(";")[0]?.trim().toLowerCase();
  if (normalized && supportedMimeTypes.has(normalized)) return normalized;
  const fromName = byExtension[path.extname(fileName).toLowerCase()];
  return fromName ?? normalized ?? "application/octet-stream";
}
