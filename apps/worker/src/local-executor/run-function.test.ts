import { Inngest, NonRetriableError, RetryAfterError } from "inngest";
import { describe, expect, it } from "vitest";
import { runFunction, type ExecutorEvent } from "./run-function";

const inngest = new Inngest({ id: "executor-test" });
const event = (data: Record<string, unknown> = {}): ExecutorEvent => ({ id: "evt_1", name: "test/run", data, ts: Date.now() });
const options = { retryDelay: () => 1, maxSleepMs: 50 };

describe("runFunction (Inngest engine, in-process)", () => {
  it("runs each step once, in order, passing JSON-serialized outputs along", async () => {
    const calls: string[] = [];
    const fn = inngest.createFunction({ id: "steps", triggers: [{ event: "test/run" }] }, async ({ event, step }) => {
      const a = await step.run("a", () => {
        calls.push("a");
        return { when: new Date(0), n: Number(event.data.n) };
      });
      const b = await step.run("b", () => {
        calls.push("b");
        return a.n + 1;
      });
      await step.sleep("nap", "10ms");
      return { a, b };
    });
    const result = await runFunction(fn, event({ n: 41 }), options);
    expect(result).toMatchObject({ status: "completed", output: { a: { when: "1970-01-01T00:00:00.000Z", n: 41 }, b: 42 } });
    expect(calls).toEqual(["a", "b"]);
  });

  it("retries a failing step without re-running finished ones", async () => {
    const calls: string[] = [];
    let flaky = 0;
    const fn = inngest.createFunction({ id: "retry", retries: 3, triggers: [{ event: "test/run" }] }, async ({ step, attempt }) => {
      await step.run("first", () => void calls.push("first"));
      const value = await step.run("flaky", () => {
        calls.push(`flaky@${attempt}`);
        if (++flaky < 3) throw new Error("temporary");
        return "ok";
      });
      await step.run("last", () => void calls.push("last"));
      return value;
    });
    const result = await runFunction(fn, event(), options);
    expect(result).toMatchObject({ status: "completed", output: "ok" });
    expect(calls).toEqual(["first", "flaky@0", "flaky@1", "flaky@2", "last"]);
  });

  it("gives up after the function's retries and calls onFailure with the error and event", async () => {
    let attempts = 0;
    const failures: Array<{ message: string; data: unknown }> = [];
    const fn = inngest.createFunction(
      {
        id: "exhaust",
        retries: 2,
        triggers: [{ event: "test/run" }],
        onFailure: ({ error, event }) => {
          failures.push({ message: error.message, data: event.data.event.data });
        },
      },
      async ({ step }) => {
        await step.run("always-fails", () => {
          attempts += 1;
          throw new Error("database is down");
        });
      },
    );
    const result = await runFunction(fn, event({ doc: "d1" }), options);
    expect(result.status).toBe("failed");
    expect(attempts).toBe(3);
    expect(failures).toHaveLength(1);
    expect(failures[0]!.message).toContain("database is down");
    expect(failures[0]!.data).toEqual({ doc: "d1" });
  });

  it("stops at once on NonRetriableError", async () => {
    let attempts = 0;
    let failed = 0;
    const fn = inngest.createFunction(
      { id: "permanent", retries: 5, triggers: [{ event: "test/run" }], onFailure: () => void (failed += 1) },
      async ({ step }) => {
        await step.run("bad-input", () => {
          attempts += 1;
          throw new NonRetriableError("file is corrupt");
        });
      },
    );
    const result = await runFunction(fn, event(), options);
    expect(result).toMatchObject({ status: "failed", error: { message: expect.stringContaining("file is corrupt") } });
    expect(attempts).toBe(1);
    expect(failed).toBe(1);
  });

  it("retries errors thrown outside steps, keeping step results", async () => {
    let steps = 0;
    let throws = 0;
    const fn = inngest.createFunction({ id: "outside", retries: 2, triggers: [{ event: "test/run" }] }, async ({ step }) => {
      await step.run("once", () => void (steps += 1));
      if (++throws < 2) throw new Error("flaky handler");
      return "done";
    });
    expect(await runFunction(fn, event(), options)).toMatchObject({ status: "completed", output: "done" });
    expect(steps).toBe(1);
  });

  it("runs parallel steps", async () => {
    const fn = inngest.createFunction({ id: "parallel", triggers: [{ event: "test/run" }] }, async ({ step }) => {
      const values = await Promise.all([1, 2, 3].map((n) => step.run(`p${n}`, () => n * 10)));
      return values;
    });
    expect(await runFunction(fn, event(), options)).toMatchObject({ status: "completed", output: [10, 20, 30] });
  });

  it("lets the handler catch a step that failed for good", async () => {
    const fn = inngest.createFunction({ id: "catch", retries: 1, triggers: [{ event: "test/run" }] }, async ({ step }) => {
      try {
        await step.run("doomed", () => {
          throw new Error("nope");
        });
      } catch (error) {
        return `caught: ${(error as Error).message}`;
      }
    });
    expect(await runFunction(fn, event(), options)).toMatchObject({ status: "completed", output: "caught: nope" });
  });

  it("waits as long as a RetryAfterError asks before retrying the step", async () => {
    const waits: number[] = [];
    let calls = 0;
    let last = Date.now();
    const fn = inngest.createFunction({ id: "retry-after", retries: 3, triggers: [{ event: "test/run" }] }, async ({ step }) =>
      step.run("rate-limited", () => {
        const now = Date.now();
        if (calls > 0) waits.push(now - last);
        last = now;
        calls += 1;
        if (calls < 3) throw new RetryAfterError("429 from the provider", 1000);
        return "ok";
      }),
    );
    // The normal backoff is 1 ms here; only the RetryAfterError can make the executor wait ~1 s.
    const result = await runFunction(fn, event(), { ...options, maxSleepMs: 5000 });
    expect(result).toMatchObject({ status: "completed", output: "ok" });
    expect(calls).toBe(3);
    expect(waits.every((ms) => ms >= 900)).toBe(true);
  });
});
