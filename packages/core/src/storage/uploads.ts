import { mkdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import type { AppConfig } from "@frontdesk/config";

type StorageConfig = Pick<AppConfig, "FRONTDESK_DATA_DIR">;

const UPLOADS_DIR = "uploads";
const safeId = /^[A-Za-z0-9_-]{1,128}$/;

/** Ids become directory names; anything but plain id characters could climb out of the uploads dir. */
function assertSafeId(kind: string, value: string) {
  if (!safeId.test(value)) throw new Error(`invalid ${kind} for upload storage: ${JSON.stringify(value)}`);
}

/** A file name that is safe on every filesystem: no directories, no leading dots, printable and short. */
export function sanitizeFileName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? "";
  const cleaned = base
    .normalize("NFC")
    .replace(/[^\p{L}\p{N}._ -]+/gu, "_")
    .replace(/^[.\s]+/, "")
    .trim();
  if (cleaned === "") return "upload";
  // Keep the extension when shortening: it drives type detection later.
  const ext = path.extname(cleaned).slice(0, 16);
  return cleaned.length <= 160 ? cleaned : `${cleaned.slice(0, 160 - ext.length)}${ext}`;
}

function dataDir(config: StorageConfig) {
  return path.resolve(config.FRONTDESK_DATA_DIR);
}

function documentDir(config: StorageConfig, organizationId: string, documentId: string) {
  assertSafeId("organizationId", organizationId);
  assertSafeId("documentId", documentId);
  return path.join(dataDir(config), UPLOADS_DIR, organizationId, documentId);
}

export interface SaveUploadInput {
  organizationId: string;
  documentId: string;
  fileName: string;
  bytes: Uint8Array;
}

/**
 * Writes the raw bytes to `<FRONTDESK_DATA_DIR>/uploads/<orgId>/<docId>/<name>` and returns the path relative
 * to the data dir (what Document.storagePath holds), always with forward slashes.
 */
export async function saveUpload(config: StorageConfig, input: SaveUploadInput): Promise<string> {
  const dir = documentDir(config, input.organizationId, input.documentId);
  const name = sanitizeFileName(input.fileName);
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, name), input.bytes);
  return path.posix.join(UPLOADS_DIR, input.organizationId, input.documentId, name);
}

/** Resolves a stored path, refusing anything outside the uploads dir (absolute paths, `..`). */
export function resolveUploadPath(config: StorageConfig, storagePath: string): string {
  const root = path.join(dataDir(config), UPLOADS_DIR);
  if (path.isAbsolute(storagePath) || storagePath.includes("\0")) throw new Error("invalid storage path");
  const resolved = path.resolve(dataDir(config), storagePath);
  if (!resolved.startsWith(root + path.sep)) throw new Error("invalid storage path");
  return resolved;
}

export async function readUpload(config: StorageConfig, storagePath: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(resolveUploadPath(config, storagePath)));
}

/** Removes every stored file of a document; missing files are fine. */
export async function deleteUploads(config: StorageConfig, organizationId: string, documentId: string): Promise<void> {
  await rm(documentDir(config, organizationId, documentId), { recursive: true, force: true });
}
