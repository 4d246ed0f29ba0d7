import type { FieldProblem } from "@frontdesk/core";
import type { z } from "zod";

/** zod issues as the problem body's `errors: [{ field, message }]`; `field` is the dotted path. */
export function fieldsOf(issues: readonly z.core.$ZodIssue[], prefix?: string): FieldProblem[] {
  return issues.map((issue) => {
    const path = issue.path.map(String).join(".");
    const field = [prefix, path].filter(Boolean).join(".") || "(body)";
    return { field, message: issue.message };
  });
}
