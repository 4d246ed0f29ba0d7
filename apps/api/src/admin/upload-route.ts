import { addDocument, AppError, trustedOrigins, type AddDocumentInput, type AppDeps, type Auth } from "@frontdesk/core";
import type { Hono, MiddlewareHandler } from "hono";
import { requireTrustedOrigin } from "../limits/origin-check";
import { roleGate } from "../middleware/role";
import { sessionAuth } from "../middleware/session";
import { uploadLimit } from "../rest/knowledge/upload-limit";

/** Where the admin uploads files: the REST upload's streaming path, authenticated by the admin's session. */
export const ADMIN_UPLOAD_PATH = "/api/admin/knowledge/bases/:id/documents";

/**
 * `POST /api/admin/knowledge/bases/{id}/documents` (multipart: `file`, optional `title`, `tags` comma-separated)
 * → 201 (200 for a duplicate) with what addDocument returns, like the REST upload. The admin's Origin (a request
 * without one is refused too), session cookie + active organization (as tRPC's orgProcedure), then the file is
 * counted while it streams (uploadLimit: 413 naming `file` as soon as it passes UPLOAD_MAX_BYTES, the rest is not
 * parsed, only dropped while the answer goes out). tRPC cannot do this: its fetch adapter buffers the whole body before a procedure runs.
 */
export function mountAdminUpload(app: Hono, deps: AppDeps, auth: Auth): void {
  app.post(
    ADMIN_UPLOAD_PATH,
    requireTrustedOrigin(trustedOrigins([deps.config.adminUrl, deps.config.publicUrl]), "Uploads"),
    sessionAuth(deps, auth),
    requireOrganization(),
    roleGate(),
    requireMultipart(),
    uploadLimit(deps.config.UPLOAD_MAX_BYTES),
    async (c) => {
      const result = await addDocument(c.var.ctx, c.req.param("id"), await fileUploadInput(await c.req.formData()));
      return c.json(result, result.kind === "document" && result.duplicate ? 200 : 201);
    },
  );
}

/** Checked before a byte of the body is read. */
function requireOrganization(): MiddlewareHandler {
  return async (c, next) => {
    if (!c.var.session) throw new AppError("unauthorized", "Sign in first");
    if (!c.var.membership) throw new AppError("forbidden", "No active organization: create one or select one with organization.setActive");
    await next();
  };
}

function requireMultipart(): MiddlewareHandler {
  return async (c, next) => {
    if (!/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) {
      throw new AppError("unsupported_media_type", "Send multipart/form-data with a `file` field");
    }
    await next();
  };
}

/** The upload form's fields as addDocument's file input; 422 naming `file` when there is none. */
async function fileUploadInput(form: FormData): Promise<AddDocumentInput> {
  const file = form.get("file");
  const title = form.get("title");
  const tags = form.get("tags");
  if (!(file instanceof File)) {
    throw new AppError("validation_failed", "Upload needs a file", { fields: [{ field: "file", message: 'a file is required (multipart field "file")' }] });
  }
  return {
    kind: "file",
    fileName: file.name,
    mimeType: file.type || undefined,
    title: typeof title === "string" && title.trim() !== "" ? title : undefined,
    bytes: new Uint8Array(await file.arrayBuffer()),
    tags: typeof tags === "string" ? tags.split(",").map((tag) => tag.trim()).filter(Boolean) : undefined,
  };
}
