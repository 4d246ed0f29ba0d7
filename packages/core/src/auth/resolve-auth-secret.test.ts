import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { resolveAuthSecret } from "./resolve-auth-secret";

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), "frontdesk-secret-"));
  dirs.push(dir);
  return join(dir, "data");
};

describe("resolveAuthSecret", () => {
  it("prefers BETTER_AUTH_SECRET", () => {
    expect(resolveAuthSecret({ BETTER_AUTH_SECRET: "from-env", FRONTDESK_DATA_DIR: tempDir() })).toBe("from-env");
  });

  it("generates a secret once, stores it 0600 and reuses it", () => {
    const dataDir = tempDir();
    const first = resolveAuthSecret({ BETTER_AUTH_SECRET: undefined, FRONTDESK_DATA_DIR: dataDir });
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(statSync(join(dataDir, "auth-secret")).mode & 0o777).toBe(0o600);
    expect(resolveAuthSecret({ BETTER_AUTH_SECRET: undefined, FRONTDESK_DATA_DIR: dataDir })).toBe(first);
    expect(resolveAuthSecret({ BETTER_AUTH_SECRET: undefined, FRONTDESK_DATA_DIR: tempDir() })).not.toBe(first);
  });
});
