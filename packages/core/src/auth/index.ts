export { AUTH_CLIENT_IP_HEADER, createAuth, type Auth, type AuthSession } from "./create-auth";
export { fromAuthError } from "./from-auth-error";
export { resolveAuthSecret } from "./resolve-auth-secret";
export { trustedOrigins } from "./trusted-origins";
