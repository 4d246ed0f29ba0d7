import {
  AppError,
  findMembership,
  fromAuthError,
  listUserOrganizations,
  provisionOrganization,
  uniqueSlug,
} from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { forwardSetCookies } from "../forward-cookies";
import { protectedProcedure } from "../trpc";

const slug = z
  .string()
  .trim()
  .min(2)
  .max(48)
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "lowercase letters, digits and single dashes");

export const organizationRouter = {
  /** Organizations the user belongs to; `active` marks the session's current one. */
  list: protectedProcedure.query(async ({ ctx }) => {
    const organizations = await listUserOrganizations(ctx.deps, ctx.user.id);
    return organizations.map((org) => ({ ...org, active: org.id === ctx.membership?.organizationId }));
  }),

  /** The session's active organization (with the user's role), or null when there is none yet. */
  current: protectedProcedure.query(async ({ ctx }) => {
    if (!ctx.membership) return null;
    const org = await ctx.deps.prisma.organization.findUnique({
      where: { id: ctx.membership.organizationId },
      select: { id: true, name: true, slug: true, createdAt: true },
    });
    return org ? { ...org, createdAt: org.createdAt.toISOString(), role: ctx.membership.role } : null;
  }),

  /** Creates an organization owned by the user, provisions its default bot + knowledge base, and makes it active. */
  create: protectedProcedure
    .input(z.object({ name: z.string().trim().min(1, "name is required").max(100), slug: slug.optional() }))
    .mutation(async ({ ctx, input }) => {
      const prisma = ctx.deps.prisma;
      const isTaken = async (candidate: string) =>
        Boolean(await prisma.organization.findUnique({ where: { slug: candidate }, select: { id: true } }));
      if (input.slug && (await isTaken(input.slug))) {
        throw new AppError("conflict", `The slug "${input.slug}" is taken`, { fields: [{ field: "slug", message: "already taken" }] });
      }
      const chosenSlug = input.slug ?? (await uniqueSlug(input.name, isTaken));
      try {
        const { headers, response } = await ctx.auth.api.createOrganization({
          headers: ctx.headers,
          body: { name: input.name, slug: chosenSlug },
          returnHeaders: true,
        });
        forwardSetCookies(headers, ctx.resHeaders);
        const provisioned = await provisionOrganization(ctx.deps, response.id);
        return {
          id: response.id,
          name: response.name,
          slug: response.slug,
          defaultBotId: provisioned.botId,
          defaultKnowledgeBaseId: provisioned.knowledgeBaseId,
        };
      } catch (error) {
        throw fromAuthError(error);
      }
    }),

  /** Switches the session's active organization (the user must be a member). */
  setActive: protectedProcedure
    .input(z.object({ organizationId: z.string().min(1) }))
    .mutation(async ({ ctx, input }) => {
      const membership = await findMembership(ctx.deps, { userId: ctx.user.id, organizationId: input.organizationId });
      // Same answer for "exists but not yours" and "does not exist": ids of other tenants are not confirmed.
      if (!membership) throw new AppError("not_found", "Organization not found", { fields: [{ field: "organizationId", message: "not a member" }] });
      try {
        const { headers, response } = await ctx.auth.api.setActiveOrganization({
          headers: ctx.headers,
          body: { organizationId: input.organizationId },
          returnHeaders: true,
        });
        forwardSetCookies(headers, ctx.resHeaders);
        if (!response) throw new AppError("not_found", "Organization not found");
        return { id: response.id, name: response.name, slug: response.slug, role: membership.role };
      } catch (error) {
        throw fromAuthError(error);
      }
    }),
} satisfies TRPCRouterRecord;
