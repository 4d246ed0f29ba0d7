import { createHash } from "node:crypto";
import { mkdir, rename, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { build, type Plugin } from "esbuild";

/**
 * Packages stay imports (by absolute file URL, so the bundle can live in a temp folder) and load natively in the
 * thread: running pdf.js through a TypeScript loader instead costs ~10× the heap and start time.
 */
const packagesByAbsoluteUrl: Plugin = {
  name: "packages-by-absolute-url",
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === "resolving") return undefined;
      const resolved = await b.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, pluginData: "resolving" });
      if (resolved.errors.length > 0) return { errors: resolved.errors };
      if (resolved.external) return { path: args.path, external: true }; // node: built-ins
      // A workspace package's TypeScript sources are bundled like our own.
      if (/\.[cm]?tsx?$/.test(resolved.path)) return { path: resolved.path };
      return { path: pathToFileURL(resolved.path).href, external: true };
    });
  },
};

let bundled: Promise<URL> | undefined;

/**
 * The extraction worker as one plain ES module, built with esbuild on first use in this process (~0.1 s) and
 * written to the temp folder under a content hash, so processes running the same code share the file.
 */
export function extractionWorkerUrl(): Promise<URL> {
  bundled ??= buildWorker().catch((error: unknown) => {
    bundled = undefined;
    throw error;
  });
  return bundled;
}

async function buildWorker(): Promise<URL> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./extraction-worker.ts", import.meta.url))],
    bundle: true,
    write: false,
    platform: "node",
    format: "esm",
    target: "node20",
    logLevel: "silent",
    plugins: [packagesByAbsoluteUrl],
  });
  const code = result.outputFiles[0]!.text;
  const folder = join(tmpdir(), "frontdesk-extraction-worker");
  const file = join(folder, `${createHash("sha256").update(code).digest("hex").slice(0, 16)}.mjs`);
  if (!(await stat(file).catch(() => null))) {
    await mkdir(folder, { recursive: true });
    // Written aside and renamed: another process may be loading the same file meanwhile.
    const partial = `${file}.${process.pid}.${Date.now()}.tmp`;
    await writeFile(partial, code);
    await rename(partial, file);
  }
  return pathToFileURL(file);
}
