import type { MemberRole } from "@frontdesk/db";
import type { Actor } from "../context";
import { AppError } from "../errors";

export const MEMBER_ROLES = ["owner", "admin", "member"] as const satisfies readonly MemberRole[];

const rank: Record<MemberRole, number> = { member: 0, admin: 1, owner: 2 };

export function roleAtLeast(role: MemberRole, required: MemberRole): boolean {
  return rank[role] >= rank[required];
}

/**
 * What the actor may do in its organization: a user's membership role, an API key's role. The system (CLI,
 * worker) acts as the operator; a widget visitor has no role at all and can do none of the management work.
 */
export function actorRole(actor: Actor): MemberRole | null {
  switch (actor.type) {
    case "user":
    case "apiKey":
      return actor.role;
    case "system":
      return "owner";
    case "widget":
      return null;
  }
}

/** Throws 403 unless the actor's role is at least `required`; `what` completes "Only admins can …". */
export function requireRole(ctx: { actor: Actor }, required: MemberRole, what: string): void {
  const role = actorRole(ctx.actor);
  if (role && roleAtLeast(role, required)) return;
  const who = required === "owner" ? "owners" : "owners and admins";
  throw new AppError("forbidden", `Only ${who} can ${what}${role ? ` (this ${ctx.actor.type === "apiKey" ? "API key" : "account"} has the ${role} role)` : ""}`);
}
