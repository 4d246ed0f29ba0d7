import { z } from "zod";

export const memberRoleSchema = z.enum(["owner", "admin", "member"]);

export const changeMemberRoleInput = z.object({ role: memberRoleSchema }).strict();
export type ChangeMemberRoleInput = z.input<typeof changeMemberRoleInput>;

export const memberSchema = z.object({
  /** The membership's id (what PATCH/DELETE /members/{id} take), not the user's. */
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: memberRoleSchema,
  joinedAt: z.string(),
});
export type MemberView = z.infer<typeof memberSchema>;

export const invitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: memberRoleSchema.nullable(),
  expiresAt: z.string(),
  invitedBy: z.string(),
});

export const organizationMembersSchema = z.object({
  members: z.array(memberSchema),
  /** Invitations still waiting (not accepted, cancelled or expired), newest first. */
  invitations: z.array(invitationSchema),
});
export type OrganizationMembers = z.infer<typeof organizationMembersSchema>;

/** Whether the invitation email went out; the link works either way (the admin shows it to pass on). */
export const invitationEmailSchema = z.discriminatedUnion("sent", [
  z.object({ sent: z.literal(true), to: z.string(), via: z.enum(["sendgrid", "smtp"]) }),
  z.object({ sent: z.literal(false), reason: z.string() }),
]);
export type InvitationEmail = z.infer<typeof invitationEmailSchema>;
