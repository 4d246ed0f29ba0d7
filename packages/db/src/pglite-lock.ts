import { linkSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";

export class DatabaseInUseError extends Error {
  override name = "DatabaseInUseError";
}

export interface PgliteLock {
  path: string;
  release(): void;
}

// Paths locked by this process: a lock file carrying our own pid is only "ours" if it is in here; otherwise it was
// left by an earlier process that happened to have the same pid (common in containers, where pids restart at 1).
const heldByThisProcess = new Set<string>();

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readPid(path: string): number | undefined {
  try {
    const pid = Number.parseInt(readFileSync(path, "utf8").trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

// Written to a temp file and hard-linked into place so the lock never exists without its pid in it.
function tryCreate(path: string): boolean {
  const temp = `${path}.${process.pid}.${Date.now()}.tmp`;
  writeFileSync(temp, `${process.pid}\n`);
  try {
    linkSync(temp, path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temp, { force: true });
  }
}

/**
 * PGlite is a single-process database: two processes opening the same directory corrupt it. A lock file holding the
 * owner's pid guards the directory; a lock whose pid is no longer running is stale and taken over.
 */
export function acquirePgliteLock(lockPath: string, databaseDir: string): PgliteLock {
  const path = resolve(lockPath);
  for (let attempt = 0; attempt < 3; attempt += 1) {
    if (tryCreate(path)) {
      heldByThisProcess.add(path);
      const onExit = () => rmSync(path, { force: true });
      process.once("exit", onExit);
      return {
        path,
        release() {
          process.removeListener("exit", onExit);
          if (!heldByThisProcess.delete(path)) return;
          if (readPid(path) === process.pid) rmSync(path, { force: true });
        },
      };
    }
    const pid = readPid(path);
    const ownedHere = pid === process.pid && heldByThisProcess.has(path);
    if (pid !== undefined && (ownedHere || (pid !== process.pid && isAlive(pid)))) {
      throw new DatabaseInUseError(
        `the embedded database at ${resolve(databaseDir)} is in use by process ${pid}${ownedHere ? " (this process)" : ""}; ` +
          `stop it or set DATABASE_URL (lock file: ${path})`,
      );
    }
    // Stale (dead pid, our recycled pid, or unreadable): remove and race for it again.
    rmSync(path, { force: true });
  }
  throw new DatabaseInUseError(`could not lock the embedded database at ${resolve(databaseDir)} (lock file: ${path})`);
}
