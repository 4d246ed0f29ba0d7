import { describe, expect, it } from "vitest";
import { ModelPool } from "./model-pool";
import type { ModelThread } from "./model-thread";

/** A model thread whose load and batches finish when the test says so; it records what it was given. */
function fakeThread(log: string[], name: string) {
  let load!: { resolve: () => void; reject: (error: Error) => void };
  const ready = new Promise<void>((resolve, reject) => (load = { resolve, reject }));
  ready.catch(() => undefined);
  const running: Array<() => void> = [];
  const exitListeners: Array<() => void> = [];
  const thread: ModelThread = {
    ready,
    embed(texts) {
      log.push(`${name}:${texts.join(",")}`);
      return new Promise((resolve) => running.push(() => resolve(texts.map((text) => [text.length]))));
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
  };
  return {
    thread,
    load: () => load.resolve(),
    failLoad: (error: Error) => {
      load.reject(error);
      for (const listener of exitListeners) listener();
    },
    finishOne: () => running.shift()?.(),
  };
}

const settle = () => new Promise((resolve) => setImmediate(resolve));

describe("ModelPool", () => {
  it("runs one batch per thread at a time and puts queries before queued document batches", async () => {
    const log: string[] = [];
    const threads: Array<ReturnType<typeof fakeThread>> = [];
    const pool = new ModelPool(() => {
      const fake = fakeThread(log, `t${threads.length}`);
      threads.push(fake);
      return fake.thread;
    }, 2);
    const documents = [pool.embed(["d1"], "document"), pool.embed(["d2"], "document"), pool.embed(["d3"], "document")];
    threads[0]!.load();
    await settle();
    expect(log).toEqual(["t0:d1"]);
    const query = pool.embed(["q"], "query");
    threads[0]!.finishOne();
    await settle();
    expect(log).toEqual(["t0:d1", "t0:q"]);
    threads[0]!.finishOne();
    await settle();
    expect(await query).toEqual([[1]]);
    expect(log).toEqual(["t0:d1", "t0:q", "t0:d2"]);
    expect(threads).toHaveLength(1);
    threads[0]!.finishOne();
    await settle();
    threads[0]!.finishOne();
    expect(await Promise.all(documents)).toEqual([[[2]], [[2]], [[2]]]);
  });

  it("starts a second thread only when widened, one load at a time, and uses both", async () => {
    const log: string[] = [];
    const threads: Array<ReturnType<typeof fakeThread>> = [];
    const pool = new ModelPool(() => {
      const fake = fakeThread(log, `t${threads.length}`);
      threads.push(fake);
      return fake.thread;
    }, 2);
    const first = pool.embed(["a"], "document");
    pool.widen(); // the first is still loading: no second load meanwhile
    expect(pool.threadCount).toBe(1);
    threads[0]!.load();
    await settle();
    pool.widen();
    pool.widen();
    expect(pool.threadCount).toBe(2);
    const second = pool.embed(["b"], "document");
    threads[1]!.load();
    await settle();
    expect(log).toEqual(["t0:a", "t1:b"]);
    threads[1]!.finishOne();
    threads[0]!.finishOne();
    expect(await Promise.all([first, second])).toEqual([[[1]], [[1]]]);
  });

  it("stops widening once an extra thread failed to load, and keeps working on the first", async () => {
    const threads: Array<ReturnType<typeof fakeThread>> = [];
    const pool = new ModelPool(() => {
      const fake = fakeThread([], `t${threads.length}`);
      threads.push(fake);
      return fake.thread;
    }, 2);
    const first = pool.embed(["a"], "document");
    threads[0]!.load();
    await settle();
    pool.widen();
    threads[1]!.failLoad(new Error("out of memory"));
    await settle();
    pool.widen();
    expect(threads).toHaveLength(2);
    expect(pool.threadCount).toBe(1);
    threads[0]!.finishOne();
    expect(await first).toEqual([[1]]);
  });

  it("fails waiting batches when the model cannot load, and starts afresh on the next call", async () => {
    const threads: Array<ReturnType<typeof fakeThread>> = [];
    const pool = new ModelPool(() => {
      const fake = fakeThread([], `t${threads.length}`);
      threads.push(fake);
      return fake.thread;
    }, 1);
    const waiting = pool.embed(["a"], "document");
    threads[0]!.failLoad(new Error("Backend 'wasm' has not yet been initialized"));
    await expect(waiting).rejects.toThrow(/wasm/);
    expect(pool.threadCount).toBe(0);
    const retried = pool.embed(["b"], "query");
    expect(threads).toHaveLength(2);
    threads[1]!.load();
    await settle();
    threads[1]!.finishOne();
    expect(await retried).toEqual([[1]]);
  });
});
