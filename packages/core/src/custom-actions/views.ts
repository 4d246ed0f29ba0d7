import type { CustomAction } from "@frontdesk/db";
import type { FileCustomAction } from "./file-actions";
import type { CustomActionView } from "./schemas";
import { maskSecret } from "../secrets";

export const FILE_ACTION_PREFIX = "file:";

export function toCustomActionView(row: CustomAction, maskedSecret: string | null): CustomActionView {
  return {
    id: row.id,
    source: "db",
    readOnly: false,
    file: null,
    name: row.name,
    description: row.description,
    parameters: (row.parameters ?? {}) as Record<string, unknown>,
    endpoint: {
      url: row.endpointUrl,
      method: row.method as CustomActionView["endpoint"]["method"],
      auth: { type: row.authType as CustomActionView["endpoint"]["auth"]["type"], header: row.authHeader, secret: maskedSecret },
    },
    timeoutMs: row.timeoutMs,
    enabled: row.enabled,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export function fileActionView(action: FileCustomAction): CustomActionView {
  const { auth } = action.endpoint;
  return {
    id: `${FILE_ACTION_PREFIX}${action.name}`,
    source: "file",
    readOnly: true,
    file: action.file,
    name: action.name,
    description: action.description,
    parameters: action.parameters,
    endpoint: {
      url: action.endpoint.url,
      method: action.endpoint.method,
      auth: {
        type: auth.type,
        header: auth.type === "header" ? auth.header : null,
        secret: auth.type === "none" ? null : maskSecret(auth.secret),
      },
    },
    timeoutMs: action.timeoutMs,
    enabled: action.enabled,
    createdAt: null,
    updatedAt: null,
  };
}
