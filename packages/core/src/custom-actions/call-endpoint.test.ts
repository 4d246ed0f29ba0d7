import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { callActionEndpoint } from "./call-endpoint";
import type { InvokableCustomAction } from "./load-for-invoke";

// An endpoint that would stream 64 MB: the call must keep the first 64 KB and stop reading, not buffer it all.
let server: Server;
let url: string;
const written = { bytes: 0, aborted: false };

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/declared") {
      res.writeHead(200, { "content-type": "application/json", "content-length": String(64 * 1024 * 1024) });
      res.write("{");
      return; // never finishes: the declared size alone is refused
    }
    res.writeHead(200, { "content-type": "application/json" });
    written.bytes = 0;
    written.aborted = false;
    res.on("close", () => (written.aborted = !res.writableFinished));
    const piece = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (!res.destroyed && written.bytes < 64 * 1024 * 1024) {
        written.bytes += piece.byteLength;
        if (!res.write(piece)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const action = (path: string): InvokableCustomAction => ({
  id: "a1",
  source: "db",
  customActionId: "a1",
  name: "huge",
  description: "answers too much",
  parameters: {},
  url: `${url}${path}`,
  method: "POST",
  auth: { type: "none" },
  timeoutMs: 10_000,
  enabled: true,
});

describe("callActionEndpoint response cap", () => {
  it("keeps the first 64 KB of a streamed answer and stops reading the rest", async () => {
    const outcome = await callActionEndpoint(action("/stream"), {}, { allowPrivateNetworks: true });
    expect(outcome).toMatchObject({ ok: true, status: 200 });
    expect(outcome.response).toBe(`${"a".repeat(64 * 1024)}…`);
    await expect.poll(() => written.aborted).toBe(true);
    expect(written.bytes).toBeLessThan(16 * 1024 * 1024); // far from the 64 MB it would have sent
  });

  it("does not read a body whose declared length is over the cap", async () => {
    const outcome = await callActionEndpoint(action("/declared"), {}, { allowPrivateNetworks: true });
    expect(outcome).toMatchObject({ ok: true, status: 200, response: "…" });
  });
});
