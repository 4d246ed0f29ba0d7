import { authenticateVoiceRequest, handleVapiMessage, type AppDeps, type VoiceCredentials } from "@frontdesk/core";
import { Hono, type Context } from "hono";
import { readJson, readJsonText } from "../widget/read-json";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The secret as Vapi sends it: the legacy X-Vapi-Secret header, or a Bearer credential. */
function presentedSecret(c: Context): string | undefined {
  return c.req.header("x-vapi-secret") ?? c.req.header("authorization")?.match(BEARER)?.[1];
}

/** An HMAC credential's signature: X-Vapi-Signature, or x-signature (the header Vapi's HMAC plan defaults to). */
function presentedSignature(c: Context): { signature: string; timestamp: string | undefined } | undefined {
  const signature = c.req.header("x-vapi-signature") ?? c.req.header("x-signature");
  if (signature === undefined) return undefined;
  return { signature, timestamp: c.req.header("x-vapi-timestamp") ?? c.req.header("x-timestamp") };
}

/**
 * Vapi's server URL, one per bot (POST /api/webhooks/vapi/{botPublicKey}). A plain secret is checked before the
 * body is read; an HMAC signature is checked over the raw body before it is parsed. Wrong or missing → 401 and
 * nothing stored. Every message is answered 200 in Vapi's shapes.
 */
export function vapiRoutes(deps: AppDeps) {
  const app = new Hono();
  app.post("/api/webhooks/vapi/:botPublicKey", async (c) => {
    const botPublicKey = c.req.param("botPublicKey");
    const secret = presentedSecret(c);
    const signature = secret === undefined ? presentedSignature(c) : undefined;
    if (!signature) {
      const request = await authenticateVoiceRequest(deps, botPublicKey, { secret });
      return c.json(await handleVapiMessage(request, await readJson(c)), 200);
    }
    const body = await readJsonText(c);
    const credentials: VoiceCredentials = { signed: { ...signature, rawBody: body.text } };
    const request = await authenticateVoiceRequest(deps, botPublicKey, credentials);
    return c.json(await handleVapiMessage(request, body.parse()), 200);
  });
  return app;
}
