import { Ajv, type ErrorObject, type ValidateFunction } from "ajv";
import addFormatsModule from "ajv-formats";
import type { FieldProblem } from "../errors";

// ajv-formats ships CommonJS whose default export arrives as `.default` under some loaders.
const addFormats = ((addFormatsModule as unknown as { default?: typeof addFormatsModule }).default ?? addFormatsModule) as typeof addFormatsModule;

const ajv = new Ajv({ allErrors: true, strict: false, useDefaults: true, coerceTypes: false });
addFormats(ajv);

const compiled = new Map<string, ValidateFunction>();

/** Compiles (and caches) an action's parameters schema; throws a readable message when it is not valid. */
export function compileParameters(schema: Record<string, unknown>): ValidateFunction {
  const key = JSON.stringify(schema);
  const cached = compiled.get(key);
  if (cached) return cached;
  if (schema.type !== undefined && schema.type !== "object") throw new Error('parameters must be a JSON Schema with "type": "object"');
  const validate = ajv.compile(schema);
  if (compiled.size > 500) compiled.clear();
  compiled.set(key, validate);
  return validate;
}

/** Problems with the model's (or caller's) arguments, as `arguments.<path>` fields; [] when valid. */
export function validateArguments(schema: Record<string, unknown>, args: unknown): FieldProblem[] {
  const validate = compileParameters(schema);
  if (validate(args)) return [];
  return (validate.errors ?? []).map(toFieldProblem);
}

function toFieldProblem(error: ErrorObject): FieldProblem {
  const path = error.instancePath.split("/").filter(Boolean).map((part) => part.replace(/~1/g, "/").replace(/~0/g, "~"));
  if (error.keyword === "required" && typeof error.params.missingProperty === "string") path.push(error.params.missingProperty);
  if (error.keyword === "additionalProperties" && typeof error.params.additionalProperty === "string") {
    path.push(error.params.additionalProperty);
    return { field: ["arguments", ...path].join("."), message: "is not an allowed argument" };
  }
  return { field: ["arguments", ...path].join("."), message: error.message ?? "is invalid" };
}
