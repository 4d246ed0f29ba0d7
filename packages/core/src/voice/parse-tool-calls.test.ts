import { describe, expect, it } from "vitest";
import { parseToolCalls } from "./parse-tool-calls";

describe("parseToolCalls", () => {
  it("reads the SDK's string arguments, real handlers' object arguments and the legacy shapes", () => {
    const calls = parseToolCalls({
      toolCallList: [
        { id: "a", type: "function", function: { name: "book", arguments: '{"day":"mon"}' } },
        { id: "b", type: "function", function: { name: "book", arguments: { day: "tue" } } },
      ],
      toolWithToolCallList: [{ type: "function", function: { name: "book" }, toolCall: { id: "a", type: "function", function: { name: "book", arguments: "{}" } } }],
      toolCalls: [{ id: "c", name: "lookup", parameters: { q: "x" } }, { id: "d", name: "lookup", arguments: '{"q":"y"}' }],
    });
    expect(calls).toEqual([
      { id: "a", name: "book", args: { ok: true, value: { day: "mon" } } },
      { id: "b", name: "book", args: { ok: true, value: { day: "tue" } } },
      { id: "c", name: "lookup", args: { ok: true, value: { q: "x" } } },
      { id: "d", name: "lookup", args: { ok: true, value: { q: "y" } } },
    ]);
  });

  it("reports unusable arguments instead of guessing, and skips items without id or name", () => {
    const calls = parseToolCalls({ toolCallList: [{ id: "a", function: { name: "x", arguments: "{not json" } }, { id: "b", function: { name: "x", arguments: "[1]" } }, { function: { name: "x" } }] });
    expect(calls).toEqual([
      { id: "a", name: "x", args: { ok: false, problem: "arguments are not valid JSON" } },
      { id: "b", name: "x", args: { ok: false, problem: "arguments must be a JSON object" } },
    ]);
  });
});
