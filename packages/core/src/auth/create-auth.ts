import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { organization } from "better-auth/plugins/organization";
import type { AppDeps } from "../context";
import { INVITATION_EXPIRES_IN_SECONDS } from "../organizations/invitation-expiry";
import { provisionOrganization } from "../organizations/provision-organization";
import { resolveAuthSecret } from "./resolve-auth-secret";
import { trustedOrigins } from "./trusted-origins";

/**
 * Where better-auth reads the client's address (for the sessions it records). The API sets it on every request it
 * hands to better-auth from its own client IP (TRUST_PROXY), replacing whatever the client sent, so a forged
 * X-Forwarded-For never reaches better-auth.
 */
export const AUTH_CLIENT_IP_HEADER = "x-frontdesk-client-ip";

/**
 * better-auth for the admin: email + password sessions and organizations (our Membership table is the plugin's
 * `member` model). Every organization, however it is created, is provisioned with a default bot and knowledge base.
 */
export function createAuth(deps: AppDeps) {
  const { config, prisma } = deps;
  return betterAuth({
    appName: "Frontdesk",
    baseURL: config.publicUrl,
    basePath: "/api/auth",
    secret: resolveAuthSecret(config),
    trustedOrigins: trustedOrigins([config.adminUrl, config.publicUrl]),
    database: prismaAdapter(prisma, { provider: "postgresql" }),
    emailAndPassword: { enabled: true, autoSignIn: true, minPasswordLength: 8 },
    telemetry: { enabled: false },
    // Origin checks stay on under NODE_ENV=test too (better-auth skips them there by default), so tests see production CSRF behaviour.
    advanced: { cookiePrefix: "frontdesk", disableOriginCheck: false, ipAddress: { ipAddressHeaders: [AUTH_CLIENT_IP_HEADER] } },
    // The API limits sign-in, sign-up and password routes itself, in every NODE_ENV and across replicas (Redis);
    // better-auth's limiter would only run in production, per process.
    rateLimit: { enabled: false },
    logger: {
      log: (level, message, ...args) => {
        deps.logger[level]({ args }, `better-auth: ${message}`);
      },
    },
    databaseHooks: {
      session: {
        create: {
          // Signing in lands in the user's first organization so the admin has a tenant straight away.
          before: async (session) => {
            if (session.activeOrganizationId) return;
            const membership = await prisma.membership.findFirst({
              where: { userId: session.userId },
              orderBy: { createdAt: "asc" },
              select: { organizationId: true },
            });
            if (membership) return { data: { ...session, activeOrganizationId: membership.organizationId } };
          },
        },
      },
    },
    plugins: [
      organization({
        creatorRole: "owner",
        // The email itself is sent by our service layer (sendInvitationEmail), which reports whether it went out.
        invitationExpiresIn: INVITATION_EXPIRES_IN_SECONDS,
        schema: { member: { modelName: "membership" } },
        organizationHooks: {
          afterCreateOrganization: async ({ organization: created }) => {
            await provisionOrganization(deps, created.id);
          },
        },
      }),
    ],
  });
}

export type Auth = ReturnType<typeof createAuth>;
export type AuthSession = NonNullable<Awaited<ReturnType<Auth["api"]["getSession"]>>>;
