import { changeMemberRoleInput, memberSchema, organizationMembersSchema } from "@frontdesk/core";
import { createRoute, z } from "@hono/zod-openapi";
import { idParam, jsonResponse, problems } from "../problem-schemas";

const tags = ["Members"];
const Member = memberSchema.meta({ id: "Member" });
const params = z.object({ id: idParam("id", "Membership id (members[].id), not the user's id") });

export const listMembersSpec = createRoute({
  method: "get",
  path: "/members",
  tags,
  summary: "List the organization's members and open invitations",
  responses: { 200: jsonResponse(organizationMembersSchema.meta({ id: "OrganizationMembers" }), "Members oldest first, invitations newest first"), ...problems() },
});

export const changeMemberRoleSpec = createRoute({
  method: "patch",
  path: "/members/{id}",
  tags,
  summary: "Change a member's role; owners and admins only",
  description:
    "Only owners change an owner's role or make someone an owner (403 otherwise). The organization's last owner cannot be demoted (409): make someone else an owner first.",
  request: { params, body: { required: true, content: { "application/json": { schema: changeMemberRoleInput } } } },
  responses: { 200: jsonResponse(Member, "The member with the new role"), ...problems(404, 409, 422) },
});

export const removeMemberSpec = createRoute({
  method: "delete",
  path: "/members/{id}",
  tags,
  summary: "Remove a member from the organization (their account stays); owners and admins only",
  description: "Only owners remove owners (403 otherwise); the last owner cannot be removed (409).",
  request: { params },
  responses: { 200: jsonResponse(z.object({ id: z.string(), removed: z.literal(true) }).meta({ id: "RemovedMember" }), "Removed"), ...problems(404, 409) },
});
