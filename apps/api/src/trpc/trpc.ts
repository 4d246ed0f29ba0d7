import type { AppDeps, Auth, AuthSession, ServiceContext } from "@frontdesk/core";
import { AppError, requireRole, requiredRole } from "@frontdesk/core";
import type { MemberRole } from "@frontdesk/db";
import { initTRPC, TRPCError } from "@trpc/server";
import type { FetchCreateContextFnOptions } from "@trpc/server/adapters/fetch";
import type { Context as HonoContext } from "hono";
import { problemOf, toTrpcError } from "./to-trpc-error";

export interface TrpcContext {
  deps: AppDeps;
  auth: Auth;
  /** Request headers (cookies) for better-auth server calls made on the user's behalf. */
  headers: Headers;
  /** Response headers, e.g. Set-Cookie from better-auth calls. */
  resHeaders: Headers;
  session: AuthSession | null;
  membership: { organizationId: string; role: MemberRole } | null;
  core: ServiceContext | null;
}

/** Reads what sessionAuth put on the Hono context; @hono/trpc-server calls this per request. */
export function createTrpcContext(deps: AppDeps, auth: Auth) {
  return (opts: FetchCreateContextFnOptions, c: HonoContext): TrpcContext => ({
    deps,
    auth,
    headers: opts.req.headers,
    resHeaders: opts.resHeaders,
    session: c.get("session") ?? null,
    membership: c.get("membership") ?? null,
    core: c.get("membership") ? c.get("ctx") : null,
  });
}

const t = initTRPC.context<TrpcContext>().create({
  errorFormatter({ shape, error }) {
    const problem = problemOf(error, shape.data.httpStatus);
    const fields = "errors" in problem ? problem.errors : [];
    // Unexpected errors keep their message server-side (logged by onError) and show a generic title.
    const message = problem.title;
    const { stack: _stack, ...data } = shape.data;
    return { ...shape, message, data: { ...data, problem, fields } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Every procedure speaks AppError: statuses match the REST API and the problem body rides in `error.data`. */
const appErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) throw toTrpcError(result.error);
  return result;
});

export const publicProcedure = t.procedure.use(appErrors);

/** Signed in (better-auth session cookie). */
export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) throw new AppError("unauthorized", "Sign in first");
  return next({ ctx: { ...ctx, session: ctx.session, user: ctx.session.user } });
});

/**
 * Signed in with an active organization the user belongs to; `ctx.core` is the tenant-scoped ServiceContext.
 * The user's role must reach what the role matrix (@frontdesk/core authorization/role-matrix.ts) asks for this
 * procedure: reads are open to members, changes are admin work unless the matrix lists them for members.
 */
export const orgProcedure = protectedProcedure.use(({ ctx, next, path, type }) => {
  if (!ctx.core || !ctx.membership) {
    throw new AppError("forbidden", "No active organization: create one or select one with organization.setActive");
  }
  requireRole(ctx.core, requiredRole({ transport: "trpc", path, type }), `call ${path}`);
  return next({ ctx: { ...ctx, core: ctx.core, membership: ctx.membership } });
});

/** Owners and admins only, whatever the matrix says (e.g. a read that shows settings only admins manage). */
export const orgAdminProcedure = orgProcedure.use(({ ctx, next, path }) => {
  requireRole(ctx.core, "admin", `call ${path}`);
  return next();
});

export { TRPCError };
