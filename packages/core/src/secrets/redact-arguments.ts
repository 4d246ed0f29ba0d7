const secretLookingKey = /pass(word|wd|phrase)?|secret|token|api[-_]?key|auth|credential|private[-_]?key|signature|cookie|session|card[-_]?number|cvv|ssn/i;

/** A copy safe to store in logs (ToolCall.arguments): values under secret-looking keys become "[redacted]". */
export function redactSecretLookingKeys(value: unknown, depth = 0): unknown {
  if (depth > 20) return "[truncated]";
  if (Array.isArray(value)) return value.map((item) => redactSecretLookingKeys(item, depth + 1));
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).map(([key, item]) => [
        key,
        secretLookingKey.test(key) ? "[redacted]" : redactSecretLookingKeys(item, depth + 1),
      ]),
    );
  }
  return value;
}
