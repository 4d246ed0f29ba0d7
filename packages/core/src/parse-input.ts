import type { z } from "zod";
import { AppError } from "./errors";

/** Validates service input at the trust boundary; failures become a 422 problem naming each field. */
export function parseInput<Schema extends z.ZodType>(schema: Schema, input: unknown): z.output<Schema> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const fields = result.error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.join(".") : "(root)",
    message: issue.message,
  }));
  const summary = fields.map((f) => `${f.field}: ${f.message}`).join("; ");
  throw new AppError("validation_failed", `Invalid input: ${summary}`, { fields });
}
