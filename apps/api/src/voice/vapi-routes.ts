import { authenticateVoiceRequest, handleVapiMessage, type AppDeps } from "@frontdesk/core";
import { Hono } from "hono";
import { readJson } from "../widget/read-json";

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/** The secret as Vapi sends it: the legacy X-Vapi-Secret header, or a Bearer credential. */
function presentedSecret(headers: { header(name: string): string | undefined }): string | undefined {
  return headers.header("x-vapi-secret") ?? headers.header("authorization")?.match(BEARER)?.[1];
}

/**
 * Vapi's server URL, one per bot (POST /api/webhooks/vapi/{botPublicKey}). The secret is checked before the body
 * is read; wrong or missing → 401 and nothing stored. Every message is answered 200 in Vapi's shapes.
 */
export function vapiRoutes(deps: AppDeps) {
  const app = new Hono();
  app.post("/api/webhooks/vapi/:botPublicKey", async (c) => {
    const request = await authenticateVoiceRequest(deps, c.req.param("botPublicKey"), presentedSecret(c.req));
    return c.json(await handleVapiMessage(request, await readJson(c)), 200);
  });
  return app;
}
