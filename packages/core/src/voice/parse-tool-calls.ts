import type { Vapi } from "@vapi-ai/server-sdk";

export interface ParsedToolCall {
  id: string;
  name: string;
  /** The arguments object, or why there is none usable. */
  args: { ok: true; value: unknown } | { ok: false; problem: string };
}

type Loose = Record<string, unknown>;
const isObject = (value: unknown): value is Loose => typeof value === "object" && value !== null && !Array.isArray(value);

/** Arguments arrive as a JSON string (the SDK's type) or as an object (what real handlers receive). */
function readArguments(value: unknown): ParsedToolCall["args"] {
  if (value === undefined || value === null || value === "") return { ok: true, value: {} };
  if (isObject(value)) return { ok: true, value };
  if (typeof value === "string") {
    try {
      const parsed: unknown = JSON.parse(value);
      return isObject(parsed) ? { ok: true, value: parsed } : { ok: false, problem: "arguments must be a JSON object" };
    } catch {
      return { ok: false, problem: "arguments are not valid JSON" };
    }
  }
  return { ok: false, problem: "arguments must be a JSON object" };
}

/** `{id, type, function: {name, arguments}}` (SDK), or the docs' legacy `{id, name, parameters}` / `{id, name, arguments}`. */
function readOne(item: unknown): ParsedToolCall | null {
  if (!isObject(item)) return null;
  const fn = isObject(item.function) ? (item.function as Partial<Vapi.ToolCallFunction>) : undefined;
  const id = typeof item.id === "string" ? item.id : undefined;
  const name = typeof fn?.name === "string" ? fn.name : typeof item.name === "string" ? item.name : undefined;
  if (!id || !name) return null;
  const raw = fn && "arguments" in fn ? fn.arguments : "parameters" in item ? item.parameters : item.arguments;
  return { id, name, args: readArguments(raw) };
}

/**
 * The calls of a `tool-calls` message, from whichever list it carries: `toolCallList`, `toolWithToolCallList`
 * (each item's `toolCall`) or the legacy `toolCalls`. A call listed twice (same id) runs once.
 */
export function parseToolCalls(message: Loose): ParsedToolCall[] {
  const lists: unknown[] = [];
  if (Array.isArray(message.toolCallList)) lists.push(...message.toolCallList);
  if (Array.isArray(message.toolWithToolCallList)) lists.push(...message.toolWithToolCallList.map((item) => (isObject(item) ? item.toolCall : undefined)));
  if (Array.isArray(message.toolCalls)) lists.push(...message.toolCalls);
  const seen = new Set<string>();
  const calls: ParsedToolCall[] = [];
  for (const item of lists) {
    const call = readOne(item);
    if (!call || seen.has(call.id)) continue;
    seen.add(call.id);
    calls.push(call);
  }
  return calls;
}
