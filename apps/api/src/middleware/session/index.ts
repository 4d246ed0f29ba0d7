import type { AuthSession, ServiceContext } from "@frontdesk/core";
import type { MemberRole } from "@frontdesk/db";

export { sessionAuth } from "./session-auth";

declare module "hono" {
  interface ContextVariableMap {
    /** The signed-in user's better-auth session, or null. */
    session: AuthSession | null;
    /** The user's membership in the session's active organization, or null. */
    membership: { organizationId: string; role: MemberRole } | null;
    ctx: ServiceContext;
  }
}
