import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { AppError, formatBytes } from "@frontdesk/core";
import busboy from "busboy";
import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { dropNodeRest, refuseRest, type DropRest } from "../../limits/refused-body";

/** Room for a JSON envelope (title, tags) around text the size of a file. */
const ENVELOPE_BYTES = 1024 * 1024;
/** Non-file form fields (title, tags) are small; anything bigger is not one of ours. */
const MAX_FIELD_BYTES = 64 * 1024;

/** The largest upload request body: the file and its form or JSON envelope. */
export const uploadBodyMaxBytes = (maxFileBytes: number) => maxFileBytes + ENVELOPE_BYTES;

const tooLarge = (maxFileBytes: number, size?: number) =>
  new AppError(
    "payload_too_large",
    size ? `file is ${formatBytes(size)}, limit is ${formatBytes(maxFileBytes)}` : `file is larger than the ${formatBytes(maxFileBytes)} limit`,
    { fields: [{ field: "file", message: `must be at most ${formatBytes(maxFileBytes)}` }] },
  );

/**
 * Reads a multipart body as it streams (busboy), holding at most `maxFileBytes` of the file: once the `file`
 * part passes the limit a 413 naming the field and the limit is thrown without parsing (or buffering) the rest
 * of the body; the rest is handed to `onRefused` to be dropped while the 413 is answered (refused-body.ts), or
 * the request stream is destroyed.
 */
export function readMultipartLimited(request: Request, maxFileBytes: number, onRefused?: (rest: DropRest) => void): Promise<FormData> {
  return new Promise<FormData>((resolve, reject) => {
    if (!request.body) return resolve(new FormData());
    const source = Readable.fromWeb(request.body as unknown as NodeReadableStream<Uint8Array>);
    const form = new FormData();
    let settled = false;
    const fail = (error: unknown) => {
      if (settled) return;
      settled = true;
      source.unpipe();
      if (onRefused) onRefused(dropNodeRest(source));
      else source.destroy();
      reject(error);
    };
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: { "content-type": request.headers.get("content-type") ?? "" },
        limits: { fileSize: maxFileBytes, files: 1, fields: 20, fieldSize: MAX_FIELD_BYTES, parts: 25 },
      });
    } catch (error) {
      return reject(new AppError("bad_request", `Malformed multipart body: ${(error as Error).message}`, { cause: error }));
    }
    const pending: Array<Promise<void>> = [];
    parser.on("file", (name, stream, info) => {
      const parts: Buffer[] = [];
      stream.on("data", (part: Buffer) => parts.push(part));
      stream.on("limit", () => fail(tooLarge(maxFileBytes)));
      pending.push(
        new Promise<void>((done) =>
          stream.on("close", () => {
            form.append(name, new File([Buffer.concat(parts)], info.filename ?? "upload", info.mimeType ? { type: info.mimeType } : {}));
            done();
          }),
        ),
      );
    });
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) return fail(new AppError("payload_too_large", `form field ${name} is larger than ${formatBytes(MAX_FIELD_BYTES)}`, { fields: [{ field: name, message: `must be at most ${formatBytes(MAX_FIELD_BYTES)}` }] }));
      form.append(name, value);
    });
    parser.on("filesLimit", () => fail(new AppError("validation_failed", "Send one file per request", { fields: [{ field: "file", message: "only one file per request" }] })));
    parser.on("error", (error: Error) => fail(new AppError("bad_request", `Malformed multipart body: ${error.message}`, { cause: error })));
    parser.on("close", () => {
      void Promise.all(pending).then(() => {
        if (settled) return;
        settled = true;
        resolve(form);
      });
    });
    source.on("error", (error) => fail(error));
    source.pipe(parser);
  });
}

/**
 * Upload size limit (UPLOAD_MAX_BYTES) for POST .../documents. A declared Content-Length over the limit is
 * refused before anything is read; otherwise a multipart body is parsed while it streams and cut off as soon
 * as the file passes the limit (the rest is dropped while the 413 goes out: answerRefusalsWhileDropping). The parsed form is handed to the route's validator (Hono's body cache), so
 * the body is read once. JSON bodies (text, URL) are counted as they stream.
 */
export function uploadLimit(maxFileBytes: number): MiddlewareHandler {
  const maxBody = uploadBodyMaxBytes(maxFileBytes);
  const jsonLimit = bodyLimit({
    maxSize: maxBody,
    onError: () => {
      throw tooLarge(maxFileBytes);
    },
  });
  return async function uploadLimitMiddleware(c, next) {
    const declared = Number(c.req.header("content-length"));
    if (Number.isFinite(declared) && declared > maxBody) throw tooLarge(maxFileBytes, declared);
    if (!/^multipart\/form-data/i.test(c.req.header("content-type") ?? "")) return jsonLimit(c, next);
    c.req.bodyCache.formData = await readMultipartLimited(c.req.raw, maxFileBytes, (rest) => refuseRest(c, rest));
    return next();
  };
}
