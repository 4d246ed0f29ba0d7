import { AppError, fromAuthError, listMembers } from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { forwardSetCookies } from "../forward-cookies";
import { orgProcedure, protectedProcedure } from "../trpc";

const invitationId = z.string().min(1);

/**
 * members.*: the organization's people. Invitations go through better-auth's organization plugin (it checks the
 * inviter's role and the invitee's email); no email is sent, the admin shows a link to pass on.
 */
export const membersRouter = {
  list: orgProcedure.query(({ ctx }) => listMembers(ctx.core)),

  invite: orgProcedure
    .input(z.object({ email: z.email("a valid email address").trim().toLowerCase(), role: z.enum(["member", "admin", "owner"]).default("member") }))
    .mutation(async ({ ctx, input }) => {
      try {
        const invitation = await ctx.auth.api.createInvitation({
          headers: ctx.headers,
          body: { email: input.email, role: input.role, organizationId: ctx.membership.organizationId },
        });
        return { id: invitation.id, email: invitation.email, role: input.role, expiresAt: new Date(invitation.expiresAt).toISOString() };
      } catch (error) {
        throw fromAuthError(error);
      }
    }),

  cancelInvitation: orgProcedure.input(z.object({ invitationId })).mutation(async ({ ctx, input }) => {
    try {
      await ctx.auth.api.cancelInvitation({ headers: ctx.headers, body: { invitationId: input.invitationId } });
      return { id: input.invitationId, cancelled: true as const };
    } catch (error) {
      throw fromAuthError(error);
    }
  }),

  /** The invitation a link points at, for the signed-in invitee (only their own: better-auth checks the email). */
  invitation: protectedProcedure.input(z.object({ invitationId })).query(async ({ ctx, input }) => {
    try {
      const invitation = await ctx.auth.api.getInvitation({ headers: ctx.headers, query: { id: input.invitationId } });
      return {
        id: invitation.id,
        email: invitation.email,
        role: invitation.role,
        organizationName: invitation.organizationName,
        inviterEmail: invitation.inviterEmail,
      };
    } catch (error) {
      throw fromAuthError(error);
    }
  }),

  /** Joins the organization and makes it the session's active one. */
  accept: protectedProcedure.input(z.object({ invitationId })).mutation(async ({ ctx, input }) => {
    try {
      const accepted = await ctx.auth.api.acceptInvitation({ headers: ctx.headers, body: { invitationId: input.invitationId } });
      if (!accepted) throw new AppError("not_found", "Invitation not found");
      const organizationId = accepted.invitation.organizationId;
      const { headers } = await ctx.auth.api.setActiveOrganization({ headers: ctx.headers, body: { organizationId }, returnHeaders: true });
      forwardSetCookies(headers, ctx.resHeaders);
      return { organizationId, role: accepted.member.role };
    } catch (error) {
      throw fromAuthError(error);
    }
  }),
} satisfies TRPCRouterRecord;
