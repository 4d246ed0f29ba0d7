import type { ServiceContext } from "@frontdesk/core";

export { apiKeyAuth } from "./api-key-auth";

declare module "hono" {
  interface ContextVariableMap {
    /** Tenant-scoped service context, set by apiKeyAuth (REST) or sessionAuth (admin, when an org is active). */
    ctx: ServiceContext;
  }
}
