// Types only: the admin imports this entry (`@frontdesk/api/trpc`) and must not pull server code into its bundle.
export type { AppRouter } from "./root";
export type { TrpcContext } from "./trpc";
/** What POST /api/admin/knowledge/bases/:id/documents answers (the admin's file upload, outside tRPC). */
export type { AddDocumentResult as AdminUploadResult } from "@frontdesk/core";
