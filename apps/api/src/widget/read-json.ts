import { AppError } from "@frontdesk/core";
import type { Context } from "hono";

function requireJsonContentType(c: Context): void {
  const contentType = c.req.header("content-type") ?? "";
  if (!/^application\/([\w.+-]+\+)?json/i.test(contentType)) {
    throw new AppError("unsupported_media_type", "Send a JSON body (Content-Type: application/json)");
  }
}

/** Reads a JSON body; a missing or malformed one is a 400 problem (not a 500). */
export async function readJson(c: Context): Promise<unknown> {
  requireJsonContentType(c);
  try {
    return await c.req.json();
  } catch {
    throw new AppError("bad_request", "Malformed JSON in request body");
  }
}

/** The raw text of a JSON body (for signatures over the exact bytes) and a parser for it, which throws readJson's 400. */
export async function readJsonText(c: Context): Promise<{ text: string; parse: () => unknown }> {
  requireJsonContentType(c);
  const text = await c.req.text();
  return {
    text,
    parse: () => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        throw new AppError("bad_request", "Malformed JSON in request body");
      }
    },
  };
}
