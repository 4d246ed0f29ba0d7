import type { ExecutorEvent } from "./run-function";

/**
 * The subset of Inngest's CEL `if` expressions for step.waitForEvent the in-process executor evaluates:
 * comparisons joined by `&&`, each side a path under `event.` (the run's trigger) or `async.` (the incoming
 * event), or a string/number literal, e.g. `event.data.conversationId == async.data.conversationId` (what
 * `match: "data.conversationId"` becomes). Anything else is refused when the wait starts, not silently mis-read.
 */
export function compileWaitCondition(expression: string | undefined): (trigger: ExecutorEvent, incoming: ExecutorEvent) => boolean {
  if (expression === undefined || expression.trim() === "") return () => true;
  const comparisons = expression.split("&&").map((part) => {
    const match = /^\s*(\S+)\s*(==|!=)\s*(\S+)\s*$/.exec(part);
    if (!match) throw new Error(`waitForEvent condition "${expression}" is not supported in-process (use == / != joined by &&)`);
    return { left: operand(match[1]!, expression), op: match[2]!, right: operand(match[3]!, expression) };
  });
  return (trigger, incoming) =>
    comparisons.every(({ left, op, right }) => {
      const equal = Object.is(left(trigger, incoming), right(trigger, incoming));
      return op === "==" ? equal : !equal;
    });
}

type Operand = (trigger: ExecutorEvent, incoming: ExecutorEvent) => unknown;

function operand(text: string, expression: string): Operand {
  const quoted = /^(['"])(.*)\1$/.exec(text);
  if (quoted) return () => quoted[2];
  if (/^-?\d+(\.\d+)?$/.test(text)) return () => Number(text);
  if (text === "true" || text === "false") return () => text === "true";
  const path = /^(event|async)\.([\w.]+)$/.exec(text);
  if (!path) throw new Error(`waitForEvent condition "${expression}": cannot read "${text}" in-process`);
  const keys = path[2]!.split(".");
  return (trigger, incoming) => read(path[1] === "event" ? trigger : incoming, keys);
}

function read(value: unknown, keys: string[]): unknown {
  let current = value;
  for (const key of keys) current = current && typeof current === "object" ? (current as Record<string, unknown>)[key] : undefined;
  return current;
}
