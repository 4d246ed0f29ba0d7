import { constants, crc32, createDeflateRaw, createGzip, type Gzip, type DeflateRaw } from "node:zlib";

/**
 * Hostile inputs for the extraction limits, generated small: a DOCX whose XML inflates past 100 MB, a DOCX whose
 * zip header lies about that size, a gzip sitemap bomb, and HTML nested deep enough to make parsers allocate.
 */

const MB = 1024 * 1024;

/** Compresses `repeat` copies of `body` between `head` and `tail` without ever holding the expanded bytes. */
async function compressRepeated(
  stream: DeflateRaw | Gzip,
  parts: { head: string; body: string; tail: string; expandedBytes: number },
): Promise<{ compressed: Buffer; size: number; crc: number }> {
  const out: Buffer[] = [];
  stream.on("data", (part: Buffer) => out.push(part));
  const done = new Promise<void>((resolve, reject) => {
    stream.on("end", resolve);
    stream.on("error", reject);
  });
  let size = 0;
  let crc = 0;
  const write = async (chunk: Buffer) => {
    size += chunk.byteLength;
    crc = crc32(chunk, crc);
    if (!stream.write(chunk)) await new Promise((resolve) => stream.once("drain", resolve));
  };
  await write(Buffer.from(parts.head));
  if (parts.body !== "") {
    const block = Buffer.from(parts.body.repeat(Math.max(1, Math.floor(MB / parts.body.length))));
    while (size + block.byteLength < parts.expandedBytes) await write(block);
  }
  await write(Buffer.from(parts.tail));
  stream.end();
  await done;
  return { compressed: Buffer.concat(out), size, crc };
}

interface ZipEntry {
  name: string;
  compressed: Buffer;
  crc: number;
  size: number;
  /** What the headers claim the entry expands to (a lying zip says less than `size`). */
  declaredSize?: number;
}

/** A plain zip (deflate entries, no zip64): local headers, data, central directory, end record. */
function writeZip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const declared = entry.declaredSize ?? entry.size;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.compressed.byteLength, 18);
    local.writeUInt32LE(declared, 22);
    local.writeUInt16LE(name.byteLength, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.compressed.byteLength, 20);
    central.writeUInt32LE(declared, 24);
    central.writeUInt16LE(name.byteLength, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.compressed);
    centrals.push(central, name);
    offset += local.byteLength + name.byteLength + entry.compressed.byteLength;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.byteLength, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

async function deflated(name: string, text: string): Promise<ZipEntry> {
  const { compressed, size, crc } = await compressRepeated(createDeflateRaw(), { head: text, body: "", tail: "", expandedBytes: 0 });
  return { name, compressed, size, crc };
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;
const DOCUMENT_HEAD = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>`;
const DOCUMENT_TAIL = `</w:body></w:document>`;

export interface DocxBombOptions {
  /** What word/document.xml inflates to. */
  expandedBytes: number;
  /** Make the zip headers claim this size instead (a zip that lies about how much it expands). */
  declaredBytes?: number;
}

/** A DOCX a few hundred KB in size whose word/document.xml inflates to `expandedBytes` of paragraphs. */
export async function buildDocxBomb({ expandedBytes, declaredBytes }: DocxBombOptions): Promise<Uint8Array> {
  const document = await compressRepeated(createDeflateRaw({ level: constants.Z_BEST_COMPRESSION }), {
    head: DOCUMENT_HEAD,
    body: "<w:p><w:r><w:t>Hostile paragraph text.</w:t></w:r></w:p>",
    tail: DOCUMENT_TAIL,
    expandedBytes,
  });
  return writeZip([
    await deflated("[Content_Types].xml", CONTENT_TYPES),
    await deflated("_rels/.rels", RELS),
    { name: "word/document.xml", ...document, ...(declaredBytes !== undefined ? { declaredSize: declaredBytes } : {}) },
  ]);
}

/** A gzipped sitemap of a few hundred KB that inflates to `expandedBytes` of <url> entries. */
export async function buildGzipSitemapBomb(expandedBytes: number, origin = "http://example.com"): Promise<Uint8Array> {
  const { compressed } = await compressRepeated(createGzip({ level: constants.Z_BEST_COMPRESSION }), {
    head: `<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">`,
    body: `<url><loc>${origin}/page</loc></url>`,
    tail: "</urlset>",
    expandedBytes,
  });
  return new Uint8Array(compressed);
}

/** An HTML page with `depth` nested elements: parsers build (and walk) a tree that deep. */
export function buildDeeplyNestedHtml(depth: number): Uint8Array {
  return Buffer.from(`<!doctype html><html><head><title>Deep</title></head><body>${"<div><span>".repeat(depth)}x${"</span></div>".repeat(depth)}</body></html>`);
}
