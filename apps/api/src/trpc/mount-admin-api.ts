import type { AppDeps, Auth } from "@frontdesk/core";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "@frontdesk/core";
import { problemJson } from "../errors";
import { mountAdminUpload } from "../admin/upload-route";
import { sessionAuth } from "../middleware/session";
import { trpcHandler } from "./trpc-handler";

/**
 * What the admin talks to: better-auth at /api/auth/* and tRPC at /api/trpc/* (session cookie auth), and the
 * streaming file upload at /api/admin/knowledge/bases/:id/documents (tRPC would buffer the whole file first).
 * Called once from createApp.
 */
export function mountAdminApi(app: Hono, deps: AppDeps, auth: Auth): void {
  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw));
  mountAdminUpload(app, deps, auth);
  app.use(
    "/api/trpc/*",
    // JSON only (files go through mountAdminUpload); bulk FAQ imports and long texts may be large.
    bodyLimit({
      maxSize: deps.config.UPLOAD_MAX_BYTES + 1024 * 1024,
      onError: (c) => problemJson(c, new AppError("payload_too_large", "Request body is too large")),
    }),
    sessionAuth(deps, auth),
    trpcHandler(deps, auth),
  );
}
