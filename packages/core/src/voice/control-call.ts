import { assertPublicDestination, publicOnlyFetch } from "@frontdesk/integrations";
import type { ServiceContext } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { callControlInput, type CallControlInput, type CallControlResult } from "./call-schemas";
import { getCallOrThrow } from "./calls";
import { publishCallUpdate } from "./publish-call-update";

const CONTROL_TIMEOUT_MS = 5_000;

/** The body Vapi's monitor.controlUrl expects for each action. */
export function controlBody(input: { action: CallControlInput["action"]; message?: string | undefined }): Record<string, unknown> {
  switch (input.action) {
    case "say":
      return { type: "say", content: input.message, endCallAfterSpoken: false };
    case "add-message":
      return { type: "add-message", message: { role: "system", content: input.message }, triggerResponseEnabled: true };
    case "mute":
      return { type: "control", control: "mute-assistant" };
    case "unmute":
      return { type: "control", control: "unmute-assistant" };
    case "end":
      return { type: "end-call" };
  }
}

/**
 * An owner steers a live call: the action goes to the call's control URL (Vapi's monitor.controlUrl, which came
 * in on the call's own authenticated messages), is logged as a `control` event and counted as an intervention.
 */
export async function controlCall(ctx: ServiceContext, id: string, rawInput: CallControlInput): Promise<CallControlResult> {
  const input = parseInput(callControlInput, rawInput);
  const call = await getCallOrThrow(ctx, id);
  if (call.status === "ended") throw new AppError("conflict", "The call has ended");
  if (!call.controlUrl) throw new AppError("conflict", "Vapi has not sent this call's control URL (monitor.controlUrl) yet");
  const body = controlBody(input);
  // The URL arrives on messages signed with the bot's voice secret; whoever holds that secret must still not be able
  // to aim the server at the internal network, so it gets the same connect-time guard as every owner-given URL.
  // IP literals never reach the connect-time lookup, hence the check before it.
  const guarded = !ctx.config.ALLOW_PRIVATE_NETWORK_FETCH;
  const send = guarded ? publicOnlyFetch("vapi") : fetch;
  let response: Response;
  try {
    if (guarded) await assertPublicDestination(new URL(call.controlUrl).hostname, "vapi");
    response = await send(call.controlUrl, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(CONTROL_TIMEOUT_MS),
    });
  } catch (error) {
    throw new AppError("unavailable", "The call's control URL did not answer", { cause: error });
  }
  if (!response.ok) throw new AppError("unavailable", `The call's control URL answered ${response.status}`);
  await response.body?.cancel();
  const [updated] = await ctx.prisma.$transaction([
    ctx.prisma.call.update({ where: { id: call.id }, data: { interventionCount: { increment: 1 } } }),
    ctx.prisma.callEvent.create({
      data: {
        organizationId: ctx.organizationId,
        callId: call.id,
        type: "control",
        eventKey: `control-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
        text: input.message ?? null,
        data: { action: input.action, sent: body as Record<string, string>, by: ctx.actor.type === "user" ? ctx.actor.userId : ctx.actor.type },
      },
    }),
  ]);
  publishCallUpdate(ctx, { organizationId: ctx.organizationId, conversationId: call.conversationId, kind: "message" });
  return { ok: true, action: input.action, interventionCount: updated.interventionCount };
}
