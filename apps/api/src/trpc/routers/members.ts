import {
  AppError,
  changeMemberRole,
  changeMemberRoleInput,
  fromAuthError,
  listMembers,
  removeMember,
  resendInvitation,
  sendInvitationEmail,
} from "@frontdesk/core";
import type { TRPCRouterRecord } from "@trpc/server";
import { z } from "zod";
import { forwardSetCookies } from "../forward-cookies";
import { orgProcedure, protectedProcedure } from "../trpc";

const invitationId = z.string().min(1);
const memberId = z.string().min(1);

/**
 * members.*: the organization's people. Invitations go through better-auth's organization plugin (it checks the
 * inviter's role and the invitee's email), then the service layer emails the link through the organization's email
 * integration; the admin shows the link too, and whether the email went out.
 */
export const membersRouter = {
  list: orgProcedure.query(({ ctx }) => listMembers(ctx.core)),

  /** PATCH /members/{id}: owners only touch owners; the last owner keeps the role (409). */
  updateRole: orgProcedure
    .input(changeMemberRoleInput.extend({ memberId }))
    .mutation(({ ctx, input: { memberId: id, ...change } }) => changeMemberRole(ctx.core, id, change)),

  /** DELETE /members/{id}. */
  remove: orgProcedure.input(z.object({ memberId })).mutation(({ ctx, input }) => removeMember(ctx.core, input.memberId)),

  /** Sends the email again and extends the link's validity. */
  resendInvitation: orgProcedure.input(z.object({ invitationId })).mutation(({ ctx, input }) => resendInvitation(ctx.core, input.invitationId)),

  invite: orgProcedure
    .input(z.object({ email: z.email("a valid email address").trim().toLowerCase(), role: z.enum(["member", "admin", "owner"]).default("member") }))
    .mutation(async ({ ctx, input }) => {
      const invitation = await ctx.auth.api
        .createInvitation({ headers: ctx.headers, body: { email: input.email, role: input.role, organizationId: ctx.membership.organizationId } })
        .catch((error: unknown) => {
          throw fromAuthError(error);
        });
      const email = await sendInvitationEmail(ctx.core, invitation.id);
      return { id: invitation.id, email: invitation.email, role: input.role, expiresAt: new Date(invitation.expiresAt).toISOString(), emailed: email };
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
