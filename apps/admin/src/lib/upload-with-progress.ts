import type { AdminUploadResult } from "@frontdesk/api/trpc";

type UploadedDocument = AdminUploadResult;

/** A problem body (RFC 9457) the upload route answered with. */
interface Problem {
  title?: string;
  status?: number;
  code?: string;
  errors?: Array<{ field: string; message: string }>;
}

/** An upload the API refused; `message` names the fields it objected to (e.g. "file: must be at most 25 MB"). */
export class UploadError extends Error {
  constructor(readonly problem: Problem, status: number) {
    const fields = problem.errors ?? [];
    super(fields.length > 0 ? fields.map((f) => `${f.field}: ${f.message}`).join("; ") : (problem.title ?? `Upload failed (HTTP ${status})`));
    this.name = "UploadError";
  }
}

/**
 * Sends one file as multipart to POST /api/admin/knowledge/bases/:id/documents through XMLHttpRequest (only
 * XHR reports upload progress). That route streams the body to the API, which counts the file as it arrives:
 * a file over the limit is refused (413, naming `file`) while it is still being sent, not after.
 */
export function uploadDocument(
  knowledgeBaseId: string,
  body: FormData,
  onProgress: (fraction: number) => void,
): Promise<UploadedDocument> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", `/api/admin/knowledge/bases/${encodeURIComponent(knowledgeBaseId)}/documents`);
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new Error("Network error while uploading"));
    request.onload = () => {
      const json: unknown = request.response;
      if (request.status >= 200 && request.status < 300 && typeof json === "object" && json !== null) {
        onProgress(1);
        resolve(json as UploadedDocument);
      } else {
        reject(new UploadError(typeof json === "object" && json !== null ? (json as Problem) : {}, request.status));
      }
    };
    request.send(body);
  });
}
