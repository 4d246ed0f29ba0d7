import type { AppRouter } from "@frontdesk/api/trpc";
import { createTRPCClient, httpBatchLink, httpLink, httpSubscriptionLink, isNonJsonSerializable, splitLink } from "@trpc/client";
import type { inferRouterInputs, inferRouterOutputs } from "@trpc/server";
import { createTRPCContext } from "@trpc/tanstack-react-query";

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

export type RouterInputs = inferRouterInputs<AppRouter>;
export type RouterOutputs = inferRouterOutputs<AppRouter>;

/** Same-origin: the admin's proxy forwards /api/* to the API, so the session cookie rides along. */
const url = "/api/trpc";

export function createClient() {
  return createTRPCClient<AppRouter>({
    links: [
      // Subscriptions (the live call view) are server-sent events; FormData (file uploads) cannot be batched into a
      // JSON body; everything else is batched.
      splitLink({
        condition: (op) => op.type === "subscription",
        true: httpSubscriptionLink({ url }),
        false: splitLink({
          condition: (op) => isNonJsonSerializable(op.input),
          true: httpLink({ url }),
          false: httpBatchLink({ url }),
        }),
      }),
    ],
  });
}
