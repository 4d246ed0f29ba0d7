import { AppError, receiveTwilioMessage, receiveTwilioStatus, type AppDeps, type TwilioWebhookRequest } from "@frontdesk/core";
import { Hono, type Context } from "hono";

const EMPTY_TWIML = '<?xml version="1.0" encoding="UTF-8"?><Response/>';

/**
 * Twilio's webhooks for one bot (mounted at /api/webhooks/twilio): inbound SMS/WhatsApp messages and delivery
 * status callbacks, form-encoded and signed. Both answer at once; the work runs in the worker.
 */
export function twilioWebhookRoutes(deps: AppDeps) {
  const app = new Hono();
  app.post("/:botPublicKey", async (c) => {
    await receiveTwilioMessage(deps, await readTwilioRequest(c));
    // An empty TwiML response: the reply is sent through the REST API once it is written.
    return c.body(EMPTY_TWIML, 200, { "content-type": "text/xml; charset=utf-8" });
  });
  app.post("/:botPublicKey/status", async (c) => {
    await receiveTwilioStatus(deps, await readTwilioRequest(c));
    return c.body(null, 204);
  });
  return app;
}

async function readTwilioRequest(c: Context): Promise<TwilioWebhookRequest> {
  if (!(c.req.header("content-type") ?? "").startsWith("application/x-www-form-urlencoded")) {
    throw new AppError("unsupported_media_type", "Twilio webhooks are form-encoded (application/x-www-form-urlencoded)");
  }
  const params: Record<string, string | string[]> = {};
  for (const [key, value] of new URLSearchParams(await c.req.text())) {
    const seen = params[key];
    params[key] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
  }
  const url = new URL(c.req.url);
  return {
    botPublicKey: c.req.param("botPublicKey") ?? "",
    pathAndQuery: url.pathname + url.search,
    signature: c.req.header("x-twilio-signature"),
    params,
  };
}
