import fc from "fast-check";

// Hostile inputs for public endpoints: wrong types, huge numbers, deep nesting, invalid UTF-8, odd content types.

const utf8 = (text: string) => new TextEncoder().encode(text);

/** A value for one field, mostly of the wrong type. */
export const fieldValue = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 3 }),
  fc.constantFrom("", " ", "\u0000", "\ud800", "x".repeat(20_000), "ada@example.com", "+15555550123", "../../etc/passwd"),
);

/** An object with some of the expected keys (each maybe of the wrong type) and maybe extra ones. */
export function objectWith(keys: string[]) {
  return fc
    .tuple(
      fc.record(Object.fromEntries(keys.map((key) => [key, fieldValue])), { requiredKeys: [] }),
      fc.dictionary(fc.string({ maxLength: 12 }), fieldValue, { maxKeys: 2 }),
    )
    .map(([known, extra]) => ({ ...extra, ...known }));
}

export interface RawBody {
  contentType?: string;
  contentEncoding?: string;
  bytes?: Uint8Array;
}

const contentType = fc.option(
  fc.constantFrom(
    "application/json",
    "application/json; charset=utf-8",
    "application/json; charset=utf-16le",
    "application/vnd.api+json",
    "text/plain",
    "application/x-www-form-urlencoded",
    "multipart/form-data; boundary=xyz",
    "multipart/form-data",
    "*/*",
    "",
    "application/json; charset=nonsense",
  ),
  { nil: undefined },
);

const contentEncoding = fc.option(fc.constantFrom("gzip", "deflate", "br", "identity", "chunked, gzip"), { nil: undefined, freq: 4 });

/** Huge or unrepresentable numbers, written as JSON literals (JSON.stringify cannot produce them). */
const hugeNumberJson = fc
  .tuple(fc.constantFrom("1e999999", "-1e999999", "123456789012345678901234567890123456789", "1e-400", "-0", "9007199254740993"), fc.constantFrom("message", "visitorId", "email", "conversationId", "password"))
  .map(([number, key]) => `{"${key}": ${number}, "visitorId": ${number}}`);

const deepJson = fc
  .tuple(fc.integer({ min: 100, max: 100_000 }), fc.constantFrom("[", '{"a":'))
  .map(([depth, open]) => `${open.repeat(depth)}1${(open === "[" ? "]" : "}").repeat(depth)}`);

/** JSON text with bytes that are not UTF-8 (0xFF, a lone continuation byte, a truncated sequence) inside a string. */
const invalidUtf8Json = fc
  .tuple(fc.constantFrom([0xff], [0x80], [0xe2, 0x82], [0xc0, 0xaf], [0xed, 0xa0, 0x80]), fc.constantFrom("message", "visitorId", "email"))
  .map(([bad, key]) => {
    const before = utf8(`{"${key}": "a`);
    const after = utf8(`b", "visitorId": "v"}`);
    return Uint8Array.from([...before, ...bad, ...after]);
  });

/** A request body: the value as JSON, or one of the hostile encodings, with a random content type and encoding. */
export function rawBody(value: fc.Arbitrary<unknown>): fc.Arbitrary<RawBody> {
  const bytes = fc.oneof(
    { weight: 4, arbitrary: value.map((v) => utf8(JSON.stringify(v) ?? "null")) },
    { weight: 1, arbitrary: hugeNumberJson.map(utf8) },
    { weight: 1, arbitrary: deepJson.map(utf8) },
    { weight: 1, arbitrary: invalidUtf8Json },
    { weight: 1, arbitrary: fc.uint8Array({ maxLength: 2000 }) },
    { weight: 1, arbitrary: fc.constantFrom(new Uint8Array(0), utf8("null"), utf8("[]"), utf8('"text"'), utf8("{"), utf8("\ufeff{}")) },
  );
  return fc.record({
    contentType: fc.oneof({ weight: 3, arbitrary: fc.constant("application/json") }, { weight: 2, arbitrary: contentType }),
    contentEncoding,
    bytes: fc.option(bytes, { nil: undefined, freq: 10 }),
  });
}

/** A path segment: ordinary, percent-encoded oddities, or broken percent-encoding. */
export const pathSegment = fc.oneof(
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom("%", "%E0%A4%A", "%ff", "%00", "..", "%2e%2e", "a".repeat(3000), "%F0%9F%98%80", "null", "undefined"),
);

/** A query-string value, encoded or deliberately broken. */
export const queryValue = fc.oneof(fc.string({ maxLength: 30 }).map(encodeURIComponent), fc.constantFrom("%", "%zz", "%ff", "", "a".repeat(5000)));

/** Printable-ASCII header values (what HTTP clients can send), empty and oversized ones included. */
export const headerValue = fc.oneof(
  fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 60 }),
  fc.constantFrom("", "pk_", "pk_" + "0".repeat(40), "k".repeat(8000)),
);
