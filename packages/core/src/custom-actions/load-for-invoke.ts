import type { ServiceContext } from "../context";
import { notFound } from "../errors";
import { unseal } from "../secrets";
import { fileCustomActionsFor } from "./file-actions";
import type { ActionAuthInput } from "./schemas";
import { FILE_ACTION_PREFIX } from "./views";

/** Everything needed to call an action, secret included. Server-side only: never return it from an API. */
export interface InvokableCustomAction {
  /** Database id, or "file:<name>". */
  id: string;
  source: "db" | "file";
  /** Set for database actions (ToolCall.customActionId, BotTool.customActionId). */
  customActionId: string | null;
  name: string;
  description: string;
  parameters: Record<string, unknown>;
  url: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  auth: ActionAuthInput;
  timeoutMs: number;
  enabled: boolean;
}

/**
 * Finds an action of ctx's organization by id, "file:<name>" or name (database actions win over file actions of
 * the same name, which create/rename prevent anyway) and decrypts its secret.
 */
export async function loadCustomActionForInvoke(ctx: ServiceContext, idOrName: string): Promise<InvokableCustomAction> {
  const fileName = idOrName.startsWith(FILE_ACTION_PREFIX) ? idOrName.slice(FILE_ACTION_PREFIX.length) : null;
  if (fileName === null) {
    const row = await ctx.prisma.customAction.findFirst({
      where: { organizationId: ctx.organizationId, OR: [{ id: idOrName }, { name: idOrName }] },
    });
    if (row) {
      const secret = row.encryptedSecret === null ? null : String(unseal(ctx.keyring, row.encryptedSecret, row.id));
      const auth: ActionAuthInput =
        row.authType === "header" && secret !== null
          ? { type: "header", header: row.authHeader ?? "Authorization", secret }
          : row.authType === "hmac" && secret !== null
            ? { type: "hmac", secret }
            : { type: "none" };
      return {
        id: row.id,
        source: "db",
        customActionId: row.id,
        name: row.name,
        description: row.description,
        parameters: (row.parameters ?? {}) as Record<string, unknown>,
        url: row.endpointUrl,
        method: row.method as InvokableCustomAction["method"],
        auth,
        timeoutMs: row.timeoutMs,
        enabled: row.enabled,
      };
    }
  }
  const file = (await fileCustomActionsFor(ctx)).find((action) => action.name === (fileName ?? idOrName));
  if (!file) throw notFound("Action");
  return {
    id: `${FILE_ACTION_PREFIX}${file.name}`,
    source: "file",
    customActionId: null,
    name: file.name,
    description: file.description,
    parameters: file.parameters,
    url: file.endpoint.url,
    method: file.endpoint.method,
    auth: file.endpoint.auth,
    timeoutMs: file.timeoutMs,
    enabled: file.enabled,
  };
}
