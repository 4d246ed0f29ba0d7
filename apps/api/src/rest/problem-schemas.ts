import { z } from "@hono/zod-openapi";

export const problemSchema = z
  .object({
    type: z.string().openapi({ example: "https://frontdesk.dev/problems/not_found" }),
    title: z.string().openapi({ example: "Knowledge base not found" }),
    status: z.number().int().openapi({ example: 404 }),
    code: z.string().openapi({ example: "not_found" }),
    errors: z
      .array(z.object({ field: z.string(), message: z.string(), row: z.number().int().optional() }))
      .optional()
      .openapi({
        description:
          "Present on validation errors: one entry per offending field (dotted path); bulk endpoints add `row` (the item's index).",
      }),
  })
  .openapi("Problem");

const descriptions: Record<number, string> = {
  400: "Malformed request (e.g. invalid JSON)",
  401: "Missing or invalid API key",
  403: "Not allowed",
  404: "Not found (or belongs to another organization)",
  409: "Conflicts with the current state",
  413: "Upload larger than UPLOAD_MAX_BYTES",
  415: "Unsupported content or file type",
  422: "Validation failed; `errors` names each field",
  503: "A dependency (model, queue) is unavailable",
};

/** Problem responses for a route's `responses`, e.g. `...problems(404, 422)`; 401 and 403 (the key's role is not enough) are added everywhere. */
export function problems(...statuses: number[]) {
  const all = [...new Set([401, 403, ...statuses])];
  return Object.fromEntries(
    all.map((status) => [
      status,
      { description: descriptions[status] ?? "Error", content: { "application/problem+json": { schema: problemSchema } } },
    ]),
  );
}

export const idParam = (name: string, description: string) =>
  z.string().min(1).max(64).openapi({ param: { name, in: "path" }, description });

export const deletedSchema = z.object({ id: z.string(), deleted: z.literal(true) }).openapi("Deleted");

/** A JSON response for a route's `responses`, e.g. `200: jsonResponse(Schema, "The thing")`. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});
