import { z } from "zod";
import type { JsonSchema } from "./types";

/** Input-side JSON Schema: what a form or an LLM must send (defaults make fields optional). */
export function toJsonSchema(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: "input" }) as JsonSchema;
}
