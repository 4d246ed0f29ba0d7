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
    return Response.json(
      { type: "about:blank", title: "The API could not be reached", status: 502, code: "unavailable", detail: String(error) },
      { status: 502, headers: { "content-type": "application/problem+json" } },
    );
  }
  // The answer is small JSON (a document or a problem); read it whole so nothing upstream is left pending.
  const body = await upstream.arrayBuffer();
  return new Response(body, {
    status: upstream.status,
    headers: { "content-type": upstream.headers.get("content-type") ?? "application/json", "cache-control": "no-store" },
  });
}
