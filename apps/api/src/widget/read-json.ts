import { AppError } from "@frontdesk/core";
import type { Context } from "hono";

/** Reads a JSON body; a missing or malformed one is a 400 problem (not a 500). */
export async function readJson(c: Context): Promise<unknown> {
  const contentType = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send a JSON body (Content-Type: application/json)");
  }
  try {
    return await c.req.json();
  } catch {
    throw new AppError("bad_request", "Malformed JSON in request body");
  }
}
