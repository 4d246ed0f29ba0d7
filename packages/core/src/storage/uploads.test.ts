import { mkdtemp, readdir, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deleteUploads, readUpload, sanitizeFileName, saveUpload } from "./uploads";

let dataDir: string;
const config = () => ({ FRONTDESK_DATA_DIR: dataDir });

beforeEach(async () => {
  dataDir = await mkdtemp(path.join(tmpdir(), "frontdesk-storage-"));
});
afterEach(() => rm(dataDir, { recursive: true, force: true }));

describe("upload storage", () => {
  it("saves under uploads/<org>/<doc>/ and reads the same bytes back", async () => {
    const bytes = Uint8Array.from([1, 2, 3, 250]);
    const storagePath = await saveUpload(config(), {
      organizationId: "org_1",
      documentId: "doc_1",
      fileName: "Price list (2024).pdf",
      bytes,
    });
    expect(storagePath).toBe("uploads/org_1/doc_1/Price list _2024_.pdf");
    expect(await readUpload(config(), storagePath)).toEqual(bytes);
    expect((await stat(path.join(dataDir, storagePath))).size).toBe(4);
  });

  it("strips directories and leading dots from file names", async () => {
    expect(sanitizeFileName("../../etc/passwd")).toBe("passwd");
    expect(sanitizeFileName("C:\\Users\\me\\..\\report.docx")).toBe("report.docx");
    expect(sanitizeFileName(".env")).toBe("env");
    expect(sanitizeFileName("...")).toBe("upload");
    expect(sanitizeFileName("résumé.md")).toBe("résumé.md");
    const long = sanitizeFileName(`${"a".repeat(300)}.pdf`);
    expect(long).toHaveLength(160);
    expect(long.endsWith(".pdf")).toBe(true);

    const storagePath = await saveUpload(config(), { organizationId: "o", documentId: "d", fileName: "../../x.txt", bytes: new Uint8Array([1]) });
    expect(storagePath).toBe("uploads/o/d/x.txt");
  });

  it("refuses ids and stored paths that would leave the uploads dir", async () => {
    const bytes = new Uint8Array([1]);
    await expect(saveUpload(config(), { organizationId: "..", documentId: "d", fileName: "a", bytes })).rejects.toThrow(/organizationId/);
    await expect(saveUpload(config(), { organizationId: "o", documentId: "a/b", fileName: "a", bytes })).rejects.toThrow(/documentId/);
    await expect(readUpload(config(), "uploads/../secret.txt")).rejects.toThrow(/invalid storage path/);
    await expect(readUpload(config(), "/etc/passwd")).rejects.toThrow(/invalid storage path/);
    await expect(readUpload(config(), "pglite/base")).rejects.toThrow(/invalid storage path/);
  });

  it("deletes a document's uploads without touching others", async () => {
    const bytes = new Uint8Array([1]);
    await saveUpload(config(), { organizationId: "o", documentId: "d1", fileName: "a.txt", bytes });
    const kept = await saveUpload(config(), { organizationId: "o", documentId: "d2", fileName: "b.txt", bytes });
    await deleteUploads(config(), "o", "d1");
    await deleteUploads(config(), "o", "never-existed");
    expect(await readdir(path.join(dataDir, "uploads/o"))).toEqual(["d2"]);
    expect(await readUpload(config(), kept)).toEqual(bytes);
  });
});
