// Types only: the admin imports this entry (`@frontdesk/api/trpc`) and must not pull server code into its bundle.
export type { AppRouter } from "./root";
export type { TrpcContext } from "./trpc";
