export { actorRole, MEMBER_ROLES, requireRole, roleAtLeast } from "./roles";
export { MEMBER_MUTATIONS, requiredRole, type Operation } from "./role-matrix";
