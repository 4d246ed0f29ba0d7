import { resolve } from "node:path";
import { loadConfig } from "@frontdesk/config";
import { migratePostgres } from "./client";
import { openEmbeddedPglite } from "./embedded";
import { migrate, type MigrateResult } from "./migrate";
import { pgliteExecutor } from "./sql-executor";

// `npm run db:migrate`: applies pending migrations to DATABASE_URL, else to the embedded database in FRONTDESK_DATA_DIR.
async function main(): Promise<void> {
  const config = loadConfig();
  let target: string;
  let result: MigrateResult;
  if (config.DATABASE_URL) {
    target = "DATABASE_URL";
    result = await migratePostgres(config.DATABASE_URL);
  } else {
    // npm runs workspace scripts inside packages/db; a relative data dir means relative to where npm was invoked.
    const embedded = await openEmbeddedPglite(resolve(process.env.INIT_CWD ?? process.cwd(), config.FRONTDESK_DATA_DIR));
    target = embedded.dir;
    try {
      result = await migrate(pgliteExecutor(embedded.pglite));
    } finally {
      await embedded.close();
    }
  }
  const applied = result.applied.length > 0 ? result.applied.join(", ") : "none pending";
  console.log(`Migrations on ${target}: applied ${applied}; ${result.alreadyApplied.length} already applied.`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
});
