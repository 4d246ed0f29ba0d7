export { createAuth, type Auth, type AuthSession } from "./create-auth";
export { resolveAuthSecret } from "./resolve-auth-secret";
