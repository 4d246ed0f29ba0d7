import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { ResolveHost } from "@frontdesk/integrations";
import { fetchWebResource, WebFetchError } from "@frontdesk/rag";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { webFetchGuard } from "./destination-guard";

let server: Server;
let port: number;
const requests: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? "");
    res.writeHead(200, { "content-type": "text/plain" }).end("internal");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

/** Public on the first answer for each name (the early check), the internal server's address after that. */
function rebindingResolver(): ResolveHost & { answers: string[] } {
  const asked = new Set<string>();
  const answers: string[] = [];
  const resolve = async (host: string) => {
    const address = asked.has(host) ? "127.0.0.1" : "93.184.216.34";
    asked.add(host);
    answers.push(`${host} ${address}`);
    return [{ address, family: 4 }];
  };
  return Object.assign(resolve, { answers });
}

const options = { maxBytes: 10_000, timeoutMs: 5_000 };

describe("webFetchGuard", () => {
  it("refuses a host whose DNS answer turns private between the check and the connection (rebinding)", async () => {
    requests.length = 0;
    const resolve = rebindingResolver();
    const failure = await fetchWebResource(`http://rebind.test:${port}/metadata`, { ...options, ...webFetchGuard({ ALLOW_PRIVATE_NETWORK_FETCH: false }, resolve) }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(WebFetchError);
    expect(failure).toMatchObject({ code: "blocked", permanent: true });
    expect((failure as Error).message).toMatch(/rebind\.test .*private or reserved address at connect time.*ALLOW_PRIVATE_NETWORK_FETCH=true/);
    // Checked first (public), then at connect time (private): the internal server never saw the request.
    expect(resolve.answers).toEqual(["rebind.test 93.184.216.34", "rebind.test 127.0.0.1"]);
    expect(requests).toEqual([]);
  });

  it("still refuses private literals and names at the early check, and is off with ALLOW_PRIVATE_NETWORK_FETCH", async () => {
    requests.length = 0;
    const guard = webFetchGuard({ ALLOW_PRIVATE_NETWORK_FETCH: false });
    await expect(fetchWebResource(`http://127.0.0.1:${port}/`, { ...options, ...guard })).rejects.toMatchObject({ code: "blocked" });
    await expect(fetchWebResource(`http://localhost:${port}/`, { ...options, ...guard })).rejects.toMatchObject({ code: "blocked" });
    expect(requests).toEqual([]);

    expect(webFetchGuard({ ALLOW_PRIVATE_NETWORK_FETCH: true })).toEqual({});
    const allowed = await fetchWebResource(`http://127.0.0.1:${port}/`, { ...options, ...webFetchGuard({ ALLOW_PRIVATE_NETWORK_FETCH: true }) });
    expect(allowed.status).toBe("ok");
    expect(requests).toEqual(["/"]);
  });

  it("tells a host that does not resolve apart from a private address", async () => {
    const noSuchHost: ResolveHost = async (host) => {
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    };
    const typo = await fetchWebResource("https://shop.exmaple.test/faq", { ...options, ...webFetchGuard({ ALLOW_PRIVATE_NETWORK_FETCH: false }, noSuchHost) }).catch(
      (error: unknown) => error,
    );
    expect(typo).toMatchObject({ code: "unresolvable", message: "Could not resolve host shop.exmaple.test: no such domain name (check the address)" });
    expect((typo as Error).message).not.toMatch(/private|ALLOW_PRIVATE_NETWORK_FETCH/);

    const internal = await fetchWebResource(`http://localhost:${port}/`, { ...options, ...webFetchGuard({ ALLOW_PRIVATE_NETWORK_FETCH: false }) }).catch((error: unknown) => error);
    expect(internal).toMatchObject({ code: "blocked" });
    expect((internal as Error).message).toMatch(/is not allowed: localhost resolves to a private or reserved address \(private networks need ALLOW_PRIVATE_NETWORK_FETCH=true\)/);

    // Without the guard, the connection's own DNS failure says the same.
    const unguarded = await fetchWebResource("http://no-such-host.invalid/", options).catch((error: unknown) => error);
    expect(unguarded).toMatchObject({ code: "unresolvable", message: expect.stringMatching(/^Could not resolve host no-such-host\.invalid/) });
  });
});
