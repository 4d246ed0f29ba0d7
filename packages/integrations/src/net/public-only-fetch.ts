import type { LookupAddress, LookupOptions } from "node:dns";
import type { LookupFunction } from "node:net";
import { Agent, fetch as undiciFetch } from "undici";
import { IntegrationError } from "../errors";
import { isPrivateAddress, systemResolveHost, type ResolveHost } from "./assert-public-destination";

/** `fetch` with the global types, so callers need not know which implementation runs. */
export type FetchFunction = (input: string | URL, init?: RequestInit) => Promise<Response>;

/**
 * A `net.connect` lookup that resolves the host itself and refuses it when any address is private, loopback,
 * link-local or reserved. Because the socket connects to exactly the addresses this lookup returns, a DNS
 * answer that changes between an earlier check and the connection (DNS rebinding) cannot slip through. IP
 * literals skip lookups altogether in Node; assertPublicDestination covers them before the request.
 */
export function publicOnlyLookup(provider: string, resolve: ResolveHost = systemResolveHost): LookupFunction {
  return (hostname: string, options: LookupOptions, callback: (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void) => {
    resolve(hostname).then(
      (found) => {
        const wanted = options.family === 4 || options.family === 6 ? found.filter((a) => a.family === options.family) : found;
        if (wanted.length === 0 || found.some((a) => isPrivateAddress(a.address))) {
          const error = new IntegrationError({
            provider,
            code: "blocked_destination",
            message: `${hostname} resolves to a private or reserved address at connect time`,
          });
          callback(error as unknown as NodeJS.ErrnoException, "");
          return;
        }
        if (options.all) callback(null, wanted.map((a) => ({ address: a.address, family: a.family })));
        else callback(null, wanted[0]!.address, wanted[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, ""),
    );
  };
}

/**
 * A fetch whose connections go through publicOnlyLookup (an undici Agent with a connect-time lookup): the SSRF
 * guard for owner-entered URLs applied to the address actually connected to, on every connection and redirect
 * hop. A refused host rejects like a network error whose `cause` is an IntegrationError `blocked_destination`.
 */
export function createPublicOnlyFetch(provider: string, resolve: ResolveHost = systemResolveHost): FetchFunction {
  const dispatcher = new Agent({ connect: { lookup: publicOnlyLookup(provider, resolve) } });
  const publicFetch = (input: string | URL, init?: RequestInit) => undiciFetch(input, { ...(init as object), dispatcher } as never);
  return publicFetch as unknown as FetchFunction;
}

const shared = new Map<string, FetchFunction>();

/** One public-only fetch (one connection pool) per provider name for the whole process. */
export function publicOnlyFetch(provider: string): FetchFunction {
  let fetch = shared.get(provider);
  if (!fetch) shared.set(provider, (fetch = createPublicOnlyFetch(provider)));
  return fetch;
}
