import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_RESPONSE_BYTES, testIntegrationConnection } from "../src";
import { calcomRequest } from "../src/calcom";
import { verifySendgrid } from "../src/email";
import { createHubspotClient } from "../src/hubspot";
import { toHubspotError } from "../src/hubspot/hubspot-client";

// A provider that answers every request with a 64 MB JSON body, streamed: each client must stop reading near
// MAX_RESPONSE_BYTES and fail, not buffer the whole thing.
const FLOOD_BYTES = 64 * 1024 * 1024;
let server: Server;
let baseUrl: string;
const answers: { written: number; finished: boolean }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    req.resume();
    const answer = { written: 0, finished: false };
    answers.push(answer);
    res.writeHead(200, { "content-type": "application/json" });
    res.write('{"data":"');
    const piece = Buffer.alloc(16 * 1024, "a");
    const pump = () => {
      while (!res.destroyed && answer.written < FLOOD_BYTES) {
        answer.written += piece.byteLength;
        if (!res.write(piece)) return void res.once("drain", pump);
      }
      if (!res.destroyed) res.end('"}', () => (answer.finished = true));
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  return new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The latest answer was cut off: far less than the flood was written and it never finished. */
function expectCutOff() {
  const last = answers.at(-1)!;
  expect(last.finished).toBe(false);
  expect(last.written).toBeLessThan(FLOOD_BYTES / 4);
}

describe("provider responses are read with a size cap", () => {
  it("Cal.com", async () => {
    const call = calcomRequest({ apiKey: "cal_test_0123456789", ctx: { baseUrl }, method: "GET", path: "/v2/me", data: z.unknown() });
    await expect(call).rejects.toMatchObject({ code: "unexpected_response", message: expect.stringContaining(`more than ${MAX_RESPONSE_BYTES} bytes`) });
    expectCutOff();
  });

  it("HubSpot (SDK over our agent)", async () => {
    const client = createHubspotClient({ accessToken: "pat-na1-00000000-0000-0000-0000-000000000000" } as never, { baseUrl });
    const failure = await client.crm.contacts.basicApi.getPage(1).catch((error: unknown) => error);
    expect(() => toHubspotError(failure)).toThrow(expect.objectContaining({ code: "unexpected_response" }));
    expectCutOff();
  });

  it("Twilio (SDK's axios)", async () => {
    const config = { accountSid: `AC${"a1".repeat(16)}`, authToken: "f".repeat(32), fromNumber: "+15005550006" };
    const result = await testIntegrationConnection({ integrationId: "twilio", config, ctx: { baseUrl } });
    expect(result).toMatchObject({ ok: false, error: expect.stringMatching(/maxContentLength/) });
    expectCutOff();
  });

  it("SendGrid (SDK's axios)", async () => {
    await expect(verifySendgrid("SG.0123456789.abcdefghij", { baseUrl })).rejects.toMatchObject({ message: expect.stringMatching(/maxContentLength/) });
    expectCutOff();
  });
});
