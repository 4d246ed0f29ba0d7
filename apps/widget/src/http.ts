/** A failure the visitor can read: problem `title`, SSE `error` event, or an interrupted stream. */
export class WidgetApiError extends Error {
  declare status: number | undefined;
  /** Seconds from Retry-After on a 429. */
  declare retryAfter: number | undefined;
  constructor(message: string, status?: number, retryAfter?: number) {
    super(message);
    this.status = status;
    this.retryAfter = retryAfter;
  }
}

export type Json = Record<string, unknown>;

/** `visitor` is read on every request: another tab may have replaced the stored id. */
export interface WidgetApiOptions {
  apiUrl: string;
  botKey: string;
  visitor: () => string;
}

async function toApiError(response: Response): Promise<WidgetApiError> {
  const title = await response.json().then((body: Json) => body.title as string, () => "");
  const retryAfter = Number(response.headers.get("retry-after")) || undefined;
  return new WidgetApiError(title || `Request failed (${response.status})`, response.status, retryAfter);
}

/**
 * fetch against the public widget routes with the bot key and the visitor id in headers (never in a URL, where
 * logs and referrers would keep it), no cookies; non-2xx becomes a WidgetApiError.
 */
export function createWidgetFetch(options: WidgetApiOptions) {
  return async (path: string, init: RequestInit = {}): Promise<Response> => {
    const response = await fetch(`${options.apiUrl}/api/widget/v1${path}`, {
      ...init,
      credentials: "omit",
      headers: { "X-Frontdesk-Bot-Key": options.botKey, "X-Frontdesk-Visitor": options.visitor(), ...init.headers },
    });
    if (!response.ok) throw await toApiError(response);
    return response;
  };
}
