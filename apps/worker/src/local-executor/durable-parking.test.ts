import { createTestDatabase, testServerUrl, type Database } from "@frontdesk/db/testing";
import { Inngest } from "inngest";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLocalExecutor, type LocalExecutor } from "./local-executor";
import { createPrismaParkedRunStore } from "./prisma-parked-runs";

// Parked runs kept in the database: a follow-up waiting when the process stops is sent by the next start, and an
// event sent to any executor on the database ("replica") wakes a run another one parked — resumed once only.

const inngest = new Inngest({ id: "durable-parking-test" });
const quiet = { info() {}, warn() {}, error() {} };

/** Shaped like follow-up-quiet-lead: wait for a reply until a deadline, else send; `sent` records each send. */
function followUp(sent: string[]) {
  return inngest.createFunction({ id: "follow-up-like", triggers: [{ event: "test/answered" }] }, async ({ event, step }) => {
    const startedAt = await step.run("plan", () => Date.now());
    const reply = await step.waitForEvent("quiet-0", {
      event: "test/replied",
      match: "data.conversationId",
      timeout: new Date(startedAt + Number(event.data.waitMs)),
    });
    if (reply) return { stopped: String(reply.data.text) };
    await step.run("send-0", () => void sent.push(`follow-up to ${String(event.data.conversationId)}`));
    await step.sleep("pause", "1s");
    await step.run("send-1", () => void sent.push(`second follow-up to ${String(event.data.conversationId)}`));
    return { sent: 2 };
  });
}

const executors: LocalExecutor[] = [];
const databases: Database[] = [];
afterEach(async () => {
  await Promise.all(executors.splice(0).map((executor) => executor.close()));
  await Promise.all(databases.splice(0).map((database) => database.close()));
});

const open = async (serverUrl: string) => {
  const database = await createTestDatabase({ serverUrl });
  databases.push(database);
  return database;
};
const start = (database: Database, sent: string[], extra: { claimLeaseMs?: number } = {}) => {
  const executor = createLocalExecutor({
    functions: [followUp(sent)],
    logger: quiet,
    schedule: false,
    parkedRuns: createPrismaParkedRunStore(database.prisma),
    parkedPollMs: 100,
    ...extra,
  });
  executors.push(executor);
  return executor;
};
const completed = (executor: LocalExecutor) => executor.results.filter((result) => result.status === "completed");

describe("parked runs in the database (PGlite)", () => {
  // One embedded database for both (opening one is slow on a loaded machine); each test leaves its table empty.
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase({ serverUrl: null });
  });
  afterAll(() => database?.close());

  it("survive a restart: a new executor on the same database sends the follow-up at its deadline", async () => {
    const sent: string[] = [];
    const first = start(database, sent);
    first.enqueue({ name: "test/answered", data: { conversationId: "c1", waitMs: 1_500 } });
    await first.drain();
    expect(first.waiting).toBe(1);
    await first.close();
    expect(await database.prisma.parkedRun.count()).toBe(1);
    expect(sent).toEqual([]);

    const second = start(database, sent);
    await expect.poll(() => completed(second).length, { timeout: 15_000 }).toBe(1);
    expect(sent).toEqual(["follow-up to c1", "second follow-up to c1"]);
    // Steps run before the restart were memoized in the row, not run again: the deadline is the planned one.
    expect(completed(second)[0]).toMatchObject({ output: { sent: 2 } });
    expect(await database.prisma.parkedRun.count()).toBe(0);
    expect(second.waiting).toBe(0);
  });

  it("resume a restarted run with the awaited event, and refuse a stored state that is not one", async () => {
    const sent: string[] = [];
    const first = start(database, sent);
    first.enqueue({ name: "test/answered", data: { conversationId: "c2", waitMs: 60_000 } });
    await first.drain();
    await first.close();

    const second = start(database, sent);
    second.enqueue({ name: "test/replied", data: { conversationId: "c2", text: "yes please" } });
    await second.drain();
    expect(completed(second).map((result) => result.status === "completed" && result.output)).toEqual([{ stopped: "yes please" }]);
    expect(sent).toEqual([]);

    // A row whose state does not parse is left alone (logged), never resumed with made-up steps.
    await database.prisma.parkedRun.create({
      data: { id: "broken", functionId: "follow-up-like", event: { name: "x" }, state: { stepState: 5 }, waitKind: "event", waitStepId: "quiet-0", waitEvent: "test/replied", waitUntil: new Date(Date.now() + 60_000) },
    });
    second.enqueue({ name: "test/replied", data: { conversationId: "c3", text: "hello" } });
    await second.drain();
    expect(completed(second)).toHaveLength(1);
    expect(await database.prisma.parkedRun.findUnique({ where: { id: "broken" } })).toMatchObject({ claimedBy: null });
    await database.prisma.parkedRun.delete({ where: { id: "broken" } });
  });
});

describe.skipIf(!testServerUrl())("parked runs shared by two replicas (PostgreSQL)", () => {
  it("a reply recorded through the second replica cancels the follow-up parked in the first", async () => {
    const database = await open(testServerUrl()!);
    const sent: string[] = [];
    const first = start(database, sent);
    const second = start(database, sent);
    first.enqueue({ name: "test/answered", data: { conversationId: "c1", waitMs: 60_000 } });
    await first.drain();
    expect(first.waiting).toBe(1);
    second.enqueue({ name: "test/replied", data: { conversationId: "other", text: "not this one" } });
    await second.drain();
    expect(await database.prisma.parkedRun.count()).toBe(1);
    second.enqueue({ name: "test/replied", data: { conversationId: "c1", text: "I'll book tomorrow" } });
    await second.drain();
    expect(completed(second).map((result) => result.status === "completed" && result.output)).toEqual([{ stopped: "I'll book tomorrow" }]);
    // The row is gone, so no deadline can send it later; the first replica learns it is no longer waiting.
    expect(await database.prisma.parkedRun.count()).toBe(0);
    await expect.poll(() => first.waiting).toBe(0);
    expect(sent).toEqual([]);
    expect(completed(first)).toHaveLength(0);
  });

  it("resumes a run exactly once when both replicas see its deadline and both receive the reply", async () => {
    const database = await open(testServerUrl()!);
    const sent: string[] = [];
    const replicas = [start(database, sent), start(database, sent)];
    // Five runs time out (both replicas arm timers for each); five are woken by a reply sent to both at once.
    for (let i = 0; i < 5; i++) replicas[i % 2]!.enqueue({ name: "test/answered", data: { conversationId: `quiet-${i}`, waitMs: 1_000 } });
    for (let i = 0; i < 5; i++) replicas[i % 2]!.enqueue({ name: "test/answered", data: { conversationId: `replies-${i}`, waitMs: 60_000 } });
    await Promise.all(replicas.map((replica) => replica.drain()));
    expect(await database.prisma.parkedRun.count()).toBe(10);
    for (let i = 0; i < 5; i++) for (const replica of replicas) replica.enqueue({ name: "test/replied", data: { conversationId: `replies-${i}`, text: `reply ${i}` } });

    await expect.poll(() => replicas.reduce((total, replica) => total + completed(replica).length, 0), { timeout: 20_000 }).toBe(10);
    await Promise.all(replicas.map((replica) => replica.drain()));
    expect([...sent].sort()).toEqual(
      [0, 1, 2, 3, 4].flatMap((i) => [`follow-up to quiet-${i}`, `second follow-up to quiet-${i}`]).sort(),
    );
    const stopped = replicas.flatMap((replica) => completed(replica).flatMap((result) => (result.status === "completed" && (result.output as { stopped?: string }).stopped) || []));
    expect(stopped.sort()).toEqual([0, 1, 2, 3, 4].map((i) => `reply ${i}`));
    expect(await database.prisma.parkedRun.count()).toBe(0);
  });

  it("hands a run claimed by a replica that died mid-resume to the other once the claim lapses", async () => {
    const database = await open(testServerUrl()!);
    const sent: string[] = [];
    const survivor = start(database, sent, { claimLeaseMs: 300 });
    survivor.enqueue({ name: "test/answered", data: { conversationId: "c9", waitMs: 60_000 } });
    await survivor.drain();
    // What a replica that claimed the run with the reply and then crashed leaves behind.
    await database.prisma.parkedRun.updateMany({
      data: { woken: true, wokenBy: { id: "e1", name: "test/replied", data: { conversationId: "c9", text: "from the dead replica" }, ts: Date.now() }, claimedBy: "crashed", claimedUntil: new Date(Date.now() + 500) },
    });
    await expect.poll(() => completed(survivor).length, { timeout: 10_000 }).toBe(1);
    expect(completed(survivor)[0]).toMatchObject({ output: { stopped: "from the dead replica" } });
    expect(sent).toEqual([]);
  });
});
