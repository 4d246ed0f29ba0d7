export { provisionOrganization, type ProvisionedOrganization } from "./provision-organization";
export { generatePublicKey } from "./generate-public-key";
export { setupOwner, setupOwnerInput, type SetupOwnerInput, type SetupOwnerResult } from "./setup-owner";
export { listUserOrganizations, type UserOrganization } from "./list-user-organizations";
export { findMembership } from "./find-membership";
export { resolveOrganization } from "./resolve-organization";
export { slugify, uniqueSlug } from "./slugify";
export { listMembers } from "./list-members";
export type { OrganizationMembers } from "./member-schemas";
export { changeMemberRole } from "./change-member-role";
export { removeMember } from "./remove-member";
export { sendInvitationEmail, invitationUrl } from "./send-invitation-email";
export { resendInvitation } from "./resend-invitation";
export { INVITATION_EXPIRES_IN_SECONDS } from "./invitation-expiry";
export {
  changeMemberRoleInput,
  invitationEmailSchema,
  memberRoleSchema,
  memberSchema,
  organizationMembersSchema,
  type ChangeMemberRoleInput,
  type InvitationEmail,
  type MemberView,
} from "./member-schemas";
