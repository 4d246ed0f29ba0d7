import { z } from "zod";

export const actionNameSchema = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, "use lower snake case, e.g. create_trello_card (letters, digits, _; max 64)");

export const actionMethodSchema = z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]);

const secret = z.string().min(1, "secret is required").max(4096);
const headerName = z.string().regex(/^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/, "not an HTTP header name");

/** none: no auth; header: `<header>: <secret>` (e.g. Authorization: Bearer …); hmac: X-Frontdesk-Signature. */
export const actionAuthInput = z.discriminatedUnion("type", [
  z.object({ type: z.literal("none") }),
  z.object({ type: z.literal("header"), header: headerName, secret }),
  z.object({ type: z.literal("hmac"), secret }),
]);
export type ActionAuthInput = z.infer<typeof actionAuthInput>;

export const endpointUrlSchema = z.url({ protocol: /^https?$/, error: "must be an http(s) URL" }).max(2000);

/** A JSON Schema object describing the arguments (checked to compile when saved). */
export const parametersSchema = z.record(z.string(), z.unknown());

export const createCustomActionInput = z.object({
  name: actionNameSchema,
  /** What the action does, for the model deciding when to call it. */
  description: z.string().trim().min(1).max(1000),
  parameters: parametersSchema,
  endpoint: z.object({
    url: endpointUrlSchema,
    method: actionMethodSchema.default("POST"),
    auth: actionAuthInput.default({ type: "none" }),
  }),
  timeoutMs: z.number().int().min(1000).max(120_000).default(15_000),
  enabled: z.boolean().default(true),
});
export type CreateCustomActionInput = z.input<typeof createCustomActionInput>;

export const updateCustomActionInput = z
  .object({
    name: actionNameSchema.optional(),
    description: z.string().trim().min(1).max(1000).optional(),
    parameters: parametersSchema.optional(),
    endpoint: z
      .object({
        url: endpointUrlSchema.optional(),
        method: actionMethodSchema.optional(),
        /** Replaces the auth; for header/hmac an omitted secret keeps the stored one when the type is unchanged. */
        auth: z
          .discriminatedUnion("type", [
            z.object({ type: z.literal("none") }),
            z.object({ type: z.literal("header"), header: headerName, secret: secret.optional() }),
            z.object({ type: z.literal("hmac"), secret: secret.optional() }),
          ])
          .optional(),
      })
      .strict()
      .optional(),
    timeoutMs: z.number().int().min(1000).max(120_000).optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type UpdateCustomActionInput = z.input<typeof updateCustomActionInput>;

export const customActionSchema = z.object({
  /** Database id, or "file:<name>" for actions loaded from FRONTDESK_ACTIONS_DIR. */
  id: z.string(),
  source: z.enum(["db", "file"]),
  /** File actions are edited in their JSON file, not through the API. */
  readOnly: z.boolean(),
  /** For file actions: the file it was loaded from (relative to the actions dir). */
  file: z.string().nullable(),
  name: z.string(),
  description: z.string(),
  parameters: parametersSchema,
  endpoint: z.object({
    url: z.string(),
    method: actionMethodSchema,
    auth: z.object({
      type: z.enum(["none", "header", "hmac"]),
      header: z.string().nullable(),
      /** Masked ("••••abcd"); null when no secret is set. */
      secret: z.string().nullable(),
    }),
  }),
  timeoutMs: z.number().int(),
  enabled: z.boolean(),
  createdAt: z.string().nullable(),
  updatedAt: z.string().nullable(),
});
export type CustomActionView = z.infer<typeof customActionSchema>;

export const invokeCustomActionInput = z.object({
  arguments: z.record(z.string(), z.unknown()).default({}),
});
export type InvokeCustomActionInput = z.input<typeof invokeCustomActionInput>;

export const invokeResultSchema = z.object({
  /** The endpoint answered 2xx. */
  ok: z.boolean(),
  /** The endpoint's HTTP status; null when no answer came (timeout, network error, blocked destination). */
  status: z.number().int().nullable(),
  durationMs: z.number().int(),
  /** Parsed JSON body, or text (truncated to 64 KiB). */
  response: z.unknown(),
  /** Why ok is false. */
  error: z.string().optional(),
  /** The ToolCall row logging this invocation (null only if it could not be written). */
  toolCallId: z.string().nullable(),
});
export type InvokeResult = z.infer<typeof invokeResultSchema>;
