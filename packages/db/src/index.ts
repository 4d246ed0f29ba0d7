export * from "./generated/prisma/client";
export { createDatabase, type CreateDatabaseOptions, type Database } from "./client";
export { migrate, readMigrations, checksumOf, MigrationError, defaultMigrationsDir, type MigrateResult } from "./migrate";
export { pgExecutor, pgliteExecutor, type SqlExecutor } from "./sql-executor";
export { DatabaseInUseError } from "./pglite-lock";
export { migratePostgres } from "./client";
export { toVectorLiteral } from "./vector";
export { createPgPubSub, type PgPubSubOptions } from "./pg-pubsub";
export { createPgAdvisoryLocks, type PgAdvisoryLocks, type ReleaseLock } from "./pg-advisory-locks";
