import type { AppDeps, ServiceContext } from "../context";
import { AppError } from "../errors";

export interface WidgetRequest {
  publicKey: string | undefined;
  /** The request's Origin header; null/undefined for same-origin GETs and non-browser clients. */
  origin: string | null | undefined;
}

/**
 * Turns a bot's public key into a context scoped to that bot's organization. A non-empty allowedOrigins list
 * restricts which pages may embed the bot; the API's own origin (the demo page) is always allowed.
 */
export async function resolveWidgetContext(deps: AppDeps, request: WidgetRequest): Promise<ServiceContext> {
  const publicKey = request.publicKey?.trim();
  if (!publicKey) {
    throw new AppError("unauthorized", "Missing bot key: send the X-Frontdesk-Bot-Key header or ?key=", {
      fields: [{ field: "key", message: "bot public key (pk_…) is required" }],
    });
  }
  const bot = await deps.prisma.bot.findUnique({
    where: { publicKey },
    select: { id: true, organizationId: true, allowedOrigins: true },
  });
  if (!bot) throw new AppError("not_found", "Bot not found for this key");

  // Browsers send Origin on every cross-origin request, so a missing one means same-origin or a non-browser
  // client — neither is an embedding on someone else's page, which is what allowedOrigins guards against.
  if (request.origin && bot.allowedOrigins.length > 0 && !isAllowedOrigin(deps, bot.allowedOrigins, request.origin)) {
    throw new AppError("forbidden", `origin ${request.origin} is not allowed for this bot`);
  }
  return { ...deps, organizationId: bot.organizationId, actor: { type: "widget", botId: bot.id } };
}

function isAllowedOrigin(deps: AppDeps, allowed: string[], origin: string): boolean {
  const normalized = normalizeOrigin(origin);
  if (!normalized) return false;
  if (normalized === normalizeOrigin(deps.config.publicUrl)) return true;
  return allowed.some((entry) => normalizeOrigin(entry) === normalized);
}

function normalizeOrigin(value: string): string | null {
  try {
    return new URL(value).origin;
  } catch {
    return null;
  }
}
