import type { AppDeps, Auth } from "@frontdesk/core";
import { trpcServer } from "@hono/trpc-server";
import type { MiddlewareHandler } from "hono";
import { appRouter } from "./root";
import { createTrpcContext } from "./trpc";

/** The admin's tRPC endpoint as Hono middleware; mount after sessionAuth on `/api/trpc/*`. */
export function trpcHandler(deps: AppDeps, auth: Auth): MiddlewareHandler {
  const createContext = createTrpcContext(deps, auth);
  return trpcServer({
    endpoint: "/api/trpc",
    router: appRouter,
    createContext: (opts, c) => ({ ...createContext(opts, c) }),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR") deps.logger.error({ err: error.cause ?? error, path }, "tRPC procedure failed");
    },
  });
}
