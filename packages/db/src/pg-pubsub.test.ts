import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "./client";
import { createPgAdvisoryLocks } from "./pg-advisory-locks";
import { createPgPubSub } from "./pg-pubsub";
import { createTestDatabase, testServerUrl } from "./testing";

// LISTEN/NOTIFY and advisory locks between separate sessions, as two API replicas hold them (PostgreSQL only).
describe.skipIf(!testServerUrl())("PostgreSQL pub/sub and advisory locks", () => {
  let database: Database;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(() => database?.close());

  const nextMessage = (subscribe: (listener: (message: string | null) => void) => () => void) =>
    new Promise<string | null>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("no notification")), 10_000);
      const stop = subscribe((message) => {
        clearTimeout(timer);
        stop();
        resolve(message);
      });
    });

  it("delivers a NOTIFY from one connection to listeners on another, and resyncs after the listener is cut", async () => {
    const a = createPgPubSub({ databaseUrl: database.url!, channel: "frontdesk_test", reconnectMs: 50 });
    const b = createPgPubSub({ databaseUrl: database.url!, channel: "frontdesk_test", reconnectMs: 50 });
    await Promise.all([a.start(), b.start()]);
    try {
      const received = nextMessage(b.subscribe);
      await a.publish('{"hello":"b"}');
      expect(await received).toBe('{"hello":"b"}');

      // Kill b's listening session from outside, as a failover or idle timeout would: b reconnects and says so.
      const resync = nextMessage(b.subscribe);
      await database.prisma.$executeRawUnsafe(
        "SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND query = 'LISTEN frontdesk_test' AND pid <> pg_backend_pid()",
      );
      expect(await resync).toBeNull();
      const after = nextMessage(b.subscribe);
      await a.publish("again");
      expect(await after).toBe("again");
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
    expect(() => createPgPubSub({ databaseUrl: database.url!, channel: "bad; DROP" })).toThrow(/invalid channel/);
  });

  it("grants a named lock to one session at a time and frees it when the holder's session ends", async () => {
    const a = createPgAdvisoryLocks({ databaseUrl: database.url! });
    const b = createPgAdvisoryLocks({ databaseUrl: database.url! });
    try {
      const release = await a.tryAcquire("ingest-document:documentId=d1");
      expect(release).not.toBeNull();
      expect(await b.tryAcquire("ingest-document:documentId=d1")).toBeNull();
      const other = await b.tryAcquire("ingest-document:documentId=d2");
      expect(other).not.toBeNull();
      await release!();
      const taken = await b.tryAcquire("ingest-document:documentId=d1");
      expect(taken).not.toBeNull();
      // A holder that dies (kill -9: its session ends) leaves nothing behind.
      await b.close();
      expect(await a.tryAcquire("ingest-document:documentId=d1")).not.toBeNull();
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
