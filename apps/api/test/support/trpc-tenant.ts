import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { startServer, type RunningServer } from "../../src/start-server";
import type { AppRouter } from "../../src/trpc";
import { createTestApi } from "./test-api";

/**
 * The real app listening on 127.0.0.1:<random port> and a tRPC client signed in as a new user who created one
 * organization (its default bot and knowledge base provisioned): the admin's view of the API.
 */
export async function startTrpcTenant(email: string, organization: string) {
  const t = await createTestApi();
  const server: RunningServer = await startServer(t.deps, { host: "127.0.0.1", port: 0 });
  const origin = t.deps.config.adminUrl;
  const signUp = await fetch(`${server.url}/api/auth/sign-up/email`, {
    method: "POST",
    headers: { "content-type": "application/json", origin },
    body: JSON.stringify({ email, password: "password-123", name: email.split("@")[0] }),
  });
  const cookie = signUp.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
  const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${server.url}/api/trpc`, headers: () => ({ origin, cookie }) })] });
  const org = await trpc.organization.create.mutate({ name: organization });
  return {
    t,
    trpc,
    org,
    async close() {
      await server.close();
      await t.close();
    },
  };
}
