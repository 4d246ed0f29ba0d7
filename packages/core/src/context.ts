import type { AppConfig } from "@frontdesk/config";
import type { MemberRole, PrismaClient } from "@frontdesk/db";
import type { Keyring } from "@frontdesk/integrations";
import type { RagRuntime } from "@frontdesk/rag";
import type { Logger } from "pino";
import type { EventBus } from "./events";
import type { LiveUpdates } from "./live";

/** Long-lived dependencies built once at start (see apps/api/src/deps.ts) and shared by every request. */
export interface AppDeps {
  config: AppConfig;
  prisma: PrismaClient;
  events: EventBus;
  /** Pushes to browsers across API replicas (PostgreSQL LISTEN/NOTIFY, Redis pub/sub, or in-process). */
  live: LiveUpdates;
  logger: Logger;
  rag: RagRuntime;
  /** Encrypts stored integration configs and custom action / webhook secrets (see resolveIntegrationKeyring). */
  keyring: Keyring;
}

/** Who is acting; users and API keys carry their role in the organization (see authorization/). */
export type Actor =
  | { type: "user"; userId: string; role: MemberRole }
  | { type: "apiKey"; apiKeyId: string; role: MemberRole }
  | { type: "widget"; botId: string }
  | { type: "system" };

/** What every tenant-scoped service function receives: every query it makes is scoped by organizationId. */
export interface ServiceContext extends AppDeps {
  organizationId: string;
  actor: Actor;
}
