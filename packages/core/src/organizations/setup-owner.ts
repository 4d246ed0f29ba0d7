import { z } from "zod";
import { createAuth, type Auth } from "../auth/create-auth";
import { fromAuthError } from "../auth/from-auth-error";
import type { AppDeps } from "../context";
import { AppError } from "../errors";
import { parseInput } from "../parse-input";
import { provisionOrganization } from "./provision-organization";
import { uniqueSlug } from "./slugify";

export const setupOwnerInput = z.object({
  email: z.email(),
  password: z.string().min(8, "must be at least 8 characters").max(128),
  name: z.string().trim().min(1).max(100).optional(),
  organizationName: z.string().trim().min(1).max(100),
});
export type SetupOwnerInput = z.input<typeof setupOwnerInput>;

export interface SetupOwnerResult {
  userId: string;
  organizationId: string;
  organizationSlug: string;
  botId: string;
  botPublicKey: string;
  knowledgeBaseId: string;
}

/**
 * First-run setup (CLI): an owner account plus a provisioned organization. Goes through better-auth's server API
 * so password hashing and the organization hooks are exactly those of the HTTP sign-up path.
 */
export async function setupOwner(deps: AppDeps, rawInput: SetupOwnerInput, auth: Auth = createAuth(deps)): Promise<SetupOwnerResult> {
  const input = parseInput(setupOwnerInput, rawInput);
  const email = input.email.toLowerCase();
  if (await deps.prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AppError("conflict", `A user with the email ${email} already exists`, {
      fields: [{ field: "email", message: "already registered" }],
    });
  }
  try {
    const { user } = await auth.api.signUpEmail({
      body: { email, password: input.password, name: input.name ?? email.split("@")[0] ?? email },
    });
    const slug = await uniqueSlug(input.organizationName, async (candidate) =>
      Boolean(await deps.prisma.organization.findUnique({ where: { slug: candidate }, select: { id: true } })),
    );
    const organization = await auth.api.createOrganization({
      body: { name: input.organizationName, slug, userId: user.id },
    });
    const provisioned = await provisionOrganization(deps, organization.id);
    return { userId: user.id, organizationSlug: organization.slug, ...provisioned };
  } catch (error) {
    throw fromAuthError(error);
  }
}
