import { TRPCClientError } from "@trpc/client";
import type { AppRouter } from "@frontdesk/api/trpc";
import type { RouterOutputs } from "./trpc";

type UploadedDocument = RouterOutputs["knowledge"]["documents"]["upload"];

/**
 * Sends one multipart `knowledge.documents.upload` tRPC call through XMLHttpRequest rather than the tRPC
 * client's fetch, because only XHR reports upload progress. The wire format is tRPC's own (httpLink + FormData,
 * no transformer): POST /api/trpc/<path>, answered `{ result: { data } }` or `{ error }`.
 */
export function uploadDocument(
  body: FormData,
  onProgress: (fraction: number) => void,
): Promise<UploadedDocument> {
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open("POST", "/api/trpc/knowledge.documents.upload");
    request.responseType = "json";
    request.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    };
    request.onerror = () => reject(new Error("Network error while uploading"));
    request.onload = () => {
      const json: unknown = request.response;
      if (typeof json === "object" && json !== null && "result" in json) {
        onProgress(1);
        resolve((json as { result: { data: UploadedDocument } }).result.data);
      } else if (typeof json === "object" && json !== null && "error" in json) {
        reject(TRPCClientError.from<AppRouter>(json as Parameters<typeof TRPCClientError.from>[0]));
      } else {
        reject(new Error(`Upload failed (HTTP ${request.status})`));
      }
    };
    request.send(body);
  });
}
