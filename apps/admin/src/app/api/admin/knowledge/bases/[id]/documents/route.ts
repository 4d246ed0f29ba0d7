import { apiUrl } from "@/lib/server-env";

/** Request headers the API's upload route reads (session, form boundary, declared size, CSRF origin check). */
const FORWARDED = ["cookie", "content-type", "content-length", "origin", "user-agent", "x-forwarded-for"];

/**
 * The file upload, forwarded to the API's streaming upload route as it arrives. src/proxy.ts forwards the rest
 * of /api/*, but Next's proxy reads a whole request body before passing it on; this route is excluded from its
 * matcher so the API counts the file while it streams and its 413 comes back while the browser is still sending.
 */
export async function POST(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const { id } = await params;
  const headers = new Headers();
  for (const name of FORWARDED) {
    const value = request.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  const host = request.headers.get("host");
  if (host) headers.set("x-forwarded-host", host);
  let upstream: Response;
  try {
    upstream = await fetch(`${apiUrl()}/api/admin/knowledge/bases/${encodeURIComponent(id)}/documents`, {
      method: "POST",
      headers,
      body: request.body,
      // Stream the body through rather than buffering it (Node's fetch needs this for a ReadableStream body).
      duplex: "half",
      redirect: "manual",
      signal: request.signal,
    } as RequestInit & { duplex: "half" });
  } catch (error) {
    return problem(502, { title: "The API could not be reached", code: "unavailable", detail: String(error) });
  }
  // The answer is small JSON (a document or a problem); read it whole so nothing upstream is left pending.
  let body: ArrayBuffer;
  try {
    body = await upstream.arrayBuffer();
  } catch (error) {
    // The connection was cut while the answer was read. After a 413 that is still the answer: the file is too large.
    if (upstream.status === 413) return problem(413, { title: "The file is larger than the upload limit", code: "payload_too_large", errors: [{ field: "file", message: "must be at most the upload limit" }] });
    return problem(502, { title: "The API's answer was cut off", code: "unavailable", detail: String(error) });
  }
  return new Response(body, {
    status: upstream.status,
    headers: { "content-type": upstream.headers.get("content-type") ?? "application/json", "cache-control": "no-store" },
  });
}

/** An RFC 9457 problem answer like the API's own. */
function problem(status: number, fields: { title: string; code: string; detail?: string; errors?: Array<{ field: string; message: string }> }): Response {
  return Response.json({ type: "about:blank", status, ...fields }, { status, headers: { "content-type": "application/problem+json", "cache-control": "no-store" } });
}
