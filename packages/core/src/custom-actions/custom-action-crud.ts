import type { CustomAction } from "@frontdesk/db";
import type { ServiceContext } from "../context";
import { AppError, notFound } from "../errors";
import { parseInput } from "../parse-input";
import { maskSecret, seal, unseal } from "../secrets";
import { fileCustomActionsFor } from "./file-actions";
import {
  createCustomActionInput,
  updateCustomActionInput,
  type CreateCustomActionInput,
  type CustomActionView,
  type UpdateCustomActionInput,
} from "./schemas";
import { compileParameters } from "./validate-arguments";
import { FILE_ACTION_PREFIX, fileActionView, toCustomActionView } from "./views";

function view(ctx: ServiceContext, row: CustomAction): CustomActionView {
  const secret = row.encryptedSecret === null ? null : maskSecret(unseal(ctx.keyring, row.encryptedSecret, row.id));
  return toCustomActionView(row, secret);
}

function assertCompiles(parameters: Record<string, unknown>): void {
  try {
    compileParameters(parameters);
  } catch (error) {
    throw new AppError("validation_failed", `parameters is not a valid JSON Schema: ${(error as Error).message}`, {
      fields: [{ field: "parameters", message: (error as Error).message }],
    });
  }
}

async function assertNameFree(ctx: ServiceContext, name: string, exceptId?: string): Promise<void> {
  const file = (await fileCustomActionsFor(ctx)).find((action) => action.name === name);
  const row = await ctx.prisma.customAction.findFirst({ where: { organizationId: ctx.organizationId, name, NOT: exceptId ? { id: exceptId } : undefined } });
  if (file || row) {
    throw new AppError("conflict", `An action named ${name} already exists${file ? ` (in ${file.file})` : ""}`, {
      fields: [{ field: "name", message: "already in use" }],
    });
  }
}

function readOnly(id: string): AppError {
  return new AppError("conflict", `Action ${id.slice(FILE_ACTION_PREFIX.length)} is defined in a file of FRONTDESK_ACTIONS_DIR and is read-only`);
}

export async function getCustomActionRowOrThrow(ctx: ServiceContext, id: string): Promise<CustomAction> {
  const row = await ctx.prisma.customAction.findFirst({ where: { id, organizationId: ctx.organizationId } });
  if (!row) throw notFound("Action");
  return row;
}

/** Database actions of the organization (oldest first) followed by the file actions enabled for it. */
export async function listCustomActions(ctx: ServiceContext): Promise<CustomActionView[]> {
  const rows = await ctx.prisma.customAction.findMany({ where: { organizationId: ctx.organizationId }, orderBy: { createdAt: "asc" } });
  return [...rows.map((row) => view(ctx, row)), ...(await fileCustomActionsFor(ctx)).map(fileActionView)];
}

export async function getCustomAction(ctx: ServiceContext, id: string): Promise<CustomActionView> {
  if (id.startsWith(FILE_ACTION_PREFIX)) {
    const file = (await fileCustomActionsFor(ctx)).find((action) => `${FILE_ACTION_PREFIX}${action.name}` === id);
    if (!file) throw notFound("Action");
    return fileActionView(file);
  }
  return view(ctx, await getCustomActionRowOrThrow(ctx, id));
}

export async function createCustomAction(ctx: ServiceContext, rawInput: CreateCustomActionInput): Promise<CustomActionView> {
  const input = parseInput(createCustomActionInput, rawInput);
  assertCompiles(input.parameters);
  await assertNameFree(ctx, input.name);
  const { auth } = input.endpoint;
  const row = await ctx.prisma.$transaction(async (tx) => {
    const created = await tx.customAction.create({
      data: {
        organizationId: ctx.organizationId,
        name: input.name,
        description: input.description,
        parameters: input.parameters as object,
        endpointUrl: input.endpoint.url,
        method: input.endpoint.method,
        authType: auth.type,
        authHeader: auth.type === "header" ? auth.header : null,
        timeoutMs: input.timeoutMs,
        enabled: input.enabled,
      },
    });
    if (auth.type === "none") return created;
    const { envelope, keyId } = seal(ctx.keyring, auth.secret, created.id);
    return tx.customAction.update({ where: { id: created.id }, data: { encryptedSecret: envelope, keyId } });
  });
  return view(ctx, row);
}

export async function updateCustomAction(ctx: ServiceContext, id: string, rawInput: UpdateCustomActionInput): Promise<CustomActionView> {
  if (id.startsWith(FILE_ACTION_PREFIX)) throw readOnly(id);
  const input = parseInput(updateCustomActionInput, rawInput);
  const row = await getCustomActionRowOrThrow(ctx, id);
  if (input.parameters) assertCompiles(input.parameters);
  if (input.name && input.name !== row.name) await assertNameFree(ctx, input.name, row.id);

  let authChange = {};
  const auth = input.endpoint?.auth;
  if (auth?.type === "none") authChange = { authType: "none", authHeader: null, encryptedSecret: null, keyId: null };
  else if (auth) {
    if (auth.secret === undefined && (auth.type !== row.authType || row.encryptedSecret === null)) {
      throw new AppError("validation_failed", "A secret is required when switching the auth type", {
        fields: [{ field: "endpoint.auth.secret", message: "secret is required" }],
      });
    }
    const sealed = auth.secret === undefined ? {} : (({ envelope, keyId }) => ({ encryptedSecret: envelope, keyId }))(seal(ctx.keyring, auth.secret, row.id));
    authChange = { authType: auth.type, authHeader: auth.type === "header" ? auth.header : null, ...sealed };
  }
  const updated = await ctx.prisma.customAction.update({
    where: { id: row.id },
    data: {
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.parameters !== undefined ? { parameters: input.parameters as object } : {}),
      ...(input.endpoint?.url !== undefined ? { endpointUrl: input.endpoint.url } : {}),
      ...(input.endpoint?.method !== undefined ? { method: input.endpoint.method } : {}),
      ...(input.timeoutMs !== undefined ? { timeoutMs: input.timeoutMs } : {}),
      ...(input.enabled !== undefined ? { enabled: input.enabled } : {}),
      ...authChange,
    },
  });
  return view(ctx, updated);
}

/** Bot tool toggles that used it cascade; its ToolCall history stays. */
export async function deleteCustomAction(ctx: ServiceContext, id: string): Promise<{ id: string; deleted: true }> {
  if (id.startsWith(FILE_ACTION_PREFIX)) throw readOnly(id);
  const row = await getCustomActionRowOrThrow(ctx, id);
  await ctx.prisma.customAction.delete({ where: { id: row.id } });
  return { id: row.id, deleted: true };
}
