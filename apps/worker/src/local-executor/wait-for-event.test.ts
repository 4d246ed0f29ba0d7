import { Inngest } from "inngest";
import { describe, expect, it } from "vitest";
import { createLocalExecutor } from "./local-executor";

const inngest = new Inngest({ id: "executor-wait-test" });
const quiet = { info() {}, warn() {}, error() {} };

// A follow-up shaped flow: wait for the visitor's reply until a deadline, else act; then sleep and act again.
function followUpLike(log: string[]) {
  return inngest.createFunction({ id: "wait-or-act", triggers: [{ event: "test/started" }] }, async ({ event, step }) => {
    const startedAt = await step.run("plan", () => Date.now());
    const reply = await step.waitForEvent("reply", {
      event: "test/replied",
      match: "data.conversationId",
      timeout: new Date(startedAt + Number(event.data.waitMs)),
    });
    if (reply) {
      await step.run("stopped", () => void log.push(`stopped by ${String(reply.data.text)}`));
      return "stopped";
    }
    await step.run("act-1", () => void log.push(`${String(event.data.conversationId)} acted once`));
    await step.sleepUntil("pause", new Date(startedAt + Number(event.data.waitMs) * 2));
    await step.run("act-2", () => void log.push(`${String(event.data.conversationId)} acted twice`));
    return "done";
  });
}

describe("local executor: step.waitForEvent and step.sleep", () => {
  it("times a wait out and resumes after a sleep, holding no slot while parked", async () => {
    const log: string[] = [];
    const executor = createLocalExecutor({ functions: [followUpLike(log)], logger: quiet, concurrency: 1, schedule: false });
    // Long enough that both runs park before either times out on a loaded machine (CI saw 1 s go by between the two starts).
    executor.enqueue({ name: "test/started", data: { conversationId: "c1", waitMs: 2_000 } });
    executor.enqueue({ name: "test/started", data: { conversationId: "c2", waitMs: 2_000 } });
    await executor.drain();
    // With one slot, both runs are parked at once: a waiting run holds nothing.
    expect(executor.waiting).toBe(2);
    await expect.poll(() => executor.results.filter((r) => r.status === "completed").length, { timeout: 15_000 }).toBe(2);
    // Each run keeps its own order; how the two runs interleave depends on when each started on a loaded machine.
    expect(log.filter((line) => line.startsWith("c1 "))).toEqual(["c1 acted once", "c1 acted twice"]);
    expect(log.filter((line) => line.startsWith("c2 "))).toEqual(["c2 acted once", "c2 acted twice"]);
    expect(executor.waiting).toBe(0);
    await executor.close();
  });

  it("resumes a waiting run with the matching event only, and never runs the steps it skipped", async () => {
    const log: string[] = [];
    const executor = createLocalExecutor({ functions: [followUpLike(log)], logger: quiet, schedule: false });
    executor.enqueue({ name: "test/started", data: { conversationId: "c1", waitMs: 60_000 } });
    await executor.drain();
    executor.enqueue({ name: "test/replied", data: { conversationId: "other", text: "wrong conversation" } });
    await executor.drain();
    expect(executor.waiting).toBe(1);
    executor.enqueue({ name: "test/replied", data: { conversationId: "c1", text: "hello" } });
    await executor.drain();
    expect(executor.waiting).toBe(0);
    expect(log).toEqual(["stopped by hello"]);
    expect(executor.results.at(-1)).toMatchObject({ status: "completed", output: "stopped" });
    await executor.close();
  });

  it("fails a run whose wait condition it cannot evaluate instead of parking it forever", async () => {
    const fn = inngest.createFunction({ id: "odd-condition", triggers: [{ event: "test/started" }] }, async ({ step }) =>
      step.waitForEvent("odd", { event: "test/replied", if: "async.data.n > 3", timeout: "1h" }),
    );
    const executor = createLocalExecutor({ functions: [fn], logger: quiet, schedule: false });
    executor.enqueue({ name: "test/started", data: {} });
    await executor.drain();
    expect(executor.waiting).toBe(0);
    expect(executor.results.at(-1)).toMatchObject({ status: "failed", error: { message: expect.stringContaining("not supported in-process") } });
    await executor.close();
  });
});
