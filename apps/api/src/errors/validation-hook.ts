import { AppError } from "@frontdesk/core";
import type { z } from "zod";
import { fieldsOf } from "./fields-of";

type HookResult = { success: true } | { success: false; error: { issues: readonly z.core.$ZodIssue[] }; target?: string };

/**
 * OpenAPIHono defaultHook: request validation failures become 422 problems naming each field (query and path
 * parameters are prefixed, e.g. "query.limit", so they can't be confused with body fields).
 */
export function validationHook(result: HookResult): void {
  if (result.success) return;
  const prefix = result.target === "query" ? "query" : result.target === "param" ? "path" : undefined;
  const fields = fieldsOf(result.error.issues, prefix);
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  throw new AppError("validation_failed", `Invalid request — ${summary}`, { fields });
}
