import { changeMemberRole, listMembers, removeMember } from "@frontdesk/core";
import { OpenAPIHono } from "@hono/zod-openapi";
import * as specs from "./specs";

/** /members: the organization's people; changes are owner/admin work (role matrix) with the last owner kept. */
export function memberRoutes() {
  const app = new OpenAPIHono();
  app.openapi(specs.listMembersSpec, async (c) => c.json(await listMembers(c.var.ctx), 200));
  app.openapi(specs.changeMemberRoleSpec, async (c) => c.json(await changeMemberRole(c.var.ctx, c.req.valid("param").id, c.req.valid("json")), 200));
  app.openapi(specs.removeMemberSpec, async (c) => c.json(await removeMember(c.var.ctx, c.req.valid("param").id), 200));
  return app;
}
