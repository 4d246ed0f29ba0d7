import { callControlInput, callControlResultSchema, callDetailSchema, callEventSchema, callPageSchema, callStatusSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, problems } from "../problem-schemas";

const tags = ["Calls"];
const params = z.object({ id: idParam("id", "Call id") });

export const listCallsSpec = createRoute({
  method: "get",
  path: "/calls",
  tags,
  summary: "List phone calls, newest first",
  request: {
    query: z.object({
      botId: z.string().min(1).optional(),
      status: callStatusSchema.optional(),
      since: z.string().optional().openapi({ description: "ISO date-time: calls created at or after it" }),
      until: z.string().optional().openapi({ description: "ISO date-time: calls created before it" }),
      limit: z.coerce.number().int().min(1).max(100).optional(),
      cursor: z.string().min(1).optional().openapi({ description: "`nextCursor` of the previous page" }),
    }),
  },
  responses: {
    200: { description: "A page", content: { "application/json": { schema: callPageSchema.meta({ id: "CallPage" }) } } },
    ...problems(422),
  },
});

export const getCallSpec = createRoute({
  method: "get",
  path: "/calls/{id}",
  tags,
  summary: "Get a call with its transcript and tool latency",
  request: { params },
  responses: {
    200: { description: "The call", content: { "application/json": { schema: callDetailSchema.meta({ id: "Call" }) } } },
    ...problems(404),
  },
});

export const listCallEventsSpec = createRoute({
  method: "get",
  path: "/calls/{id}/events",
  tags,
  summary: "Every message Vapi sent about the call, oldest first",
  request: {
    params,
    query: z.object({
      after: z.string().min(1).optional().openapi({ description: "An event id: only later events" }),
      limit: z.coerce.number().int().min(1).max(1000).optional(),
    }),
  },
  responses: {
    200: { description: "Events", content: { "application/json": { schema: z.object({ data: z.array(callEventSchema.meta({ id: "CallEvent" })) }) } } },
    ...problems(404, 422),
  },
});

export const controlCallSpec = createRoute({
  method: "post",
  path: "/calls/{id}/control",
  tags,
  summary: "Steer a live call (say, add-message, mute, unmute, end)",
  description: "Sent to the call's Vapi control URL; counted as an intervention. 409 once the call has ended.",
  request: { params, body: { required: true, content: { "application/json": { schema: callControlInput } } } },
  responses: {
    200: { description: "Sent", content: { "application/json": { schema: callControlResultSchema } } },
    ...problems(404, 409, 422, 503),
  },
});

export const liveCallSpec = createRoute({
  method: "get",
  path: "/calls/{id}/live",
  tags,
  summary: "Follow a live call (server-sent events)",
  description:
    "`call` {…call fields, interventionCount, suggestions} first and whenever it changes, then `event` (a call event as " +
    "in /events; the SSE id is its id) for each event after `Last-Event-ID` (or `?after=`), pushed from any API replica " +
    "within about 100 ms of arriving; `: ping` every 20 s.",
  request: { params, query: z.object({ after: z.string().min(1).optional() }) },
  responses: {
    200: { description: "An event stream", content: { "text/event-stream": { schema: { type: "string", description: "call, event…" } } } },
    ...problems(404),
  },
});
