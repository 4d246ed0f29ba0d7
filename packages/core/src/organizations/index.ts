export { provisionOrganization, type ProvisionedOrganization } from "./provision-organization";
export { generatePublicKey } from "./generate-public-key";
export { setupOwner, setupOwnerInput, type SetupOwnerInput, type SetupOwnerResult } from "./setup-owner";
export { listUserOrganizations, type UserOrganization } from "./list-user-organizations";
export { findMembership } from "./find-membership";
export { resolveOrganization } from "./resolve-organization";
export { slugify, uniqueSlug } from "./slugify";
export { listMembers, type OrganizationMembers } from "./list-members";
