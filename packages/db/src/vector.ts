/** Formats an embedding as a pgvector literal for raw SQL parameters: `$1::vector`. */
export function toVectorLiteral(values: readonly number[]): string {
  for (const value of values) {
    if (!Number.isFinite(value)) throw new RangeError("vector values must be finite numbers");
  }
  return `[${values.join(",")}]`;
}
