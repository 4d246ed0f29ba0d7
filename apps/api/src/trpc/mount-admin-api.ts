import type { AppDeps, Auth } from "@frontdesk/core";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import { AppError } from "@frontdesk/core";
import { problemJson } from "../errors";
import { sessionAuth } from "../middleware/session";
import { trpcHandler } from "./trpc-handler";

/**
 * What the admin talks to: better-auth at /api/auth/* and tRPC at /api/trpc/* (session cookie auth).
 * Called once from createApp.
 */
export function mountAdminApi(app: Hono, deps: AppDeps, auth: Auth): void {
  app.on(["GET", "POST"], "/api/auth/*", (c) => auth.handler(c.req.raw));
  app.use(
    "/api/trpc/*",
    // Uploads are multipart tRPC calls; a little headroom over the file limit covers the form envelope.
    bodyLimit({
      maxSize: deps.config.UPLOAD_MAX_BYTES + 1024 * 1024,
      onError: (c) => problemJson(c, new AppError("payload_too_large", "Request body is too large")),
    }),
    sessionAuth(deps, auth),
    trpcHandler(deps, auth),
  );
}
