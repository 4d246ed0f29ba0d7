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

  if (bot.allowedOrigins.length > 0 && !isAllowedOrigin(deps, bot.allowedOrigins, request.origin)) {
    const shown = request.origin ? `origin ${request.origin}` : "requests without an Origin header";
    throw new AppError("forbidden", `${shown} ${request.origin ? "is" : "are"} not allowed for this bot`);
  }
  return { ...deps, organizationId: bot.organizationId, actor: { type: "widget", botId: bot.id } };
}

function isAllowedOrigin(deps: AppDeps, allowed: string[], origin: string | null | undefined): boolean {
  if (!origin) return false;
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
