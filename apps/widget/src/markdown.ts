/**
 * The Markdown subset bot answers may use, parsed into a plain tree that is rendered as Preact vnodes:
 * nothing here ever becomes HTML, so raw tags, entities and event-handler attributes stay literal text.
 */
export type Inline =
  | string
  | { type: "strong"; children: Inline[] }
  | { type: "code"; text: string }
  | { type: "link"; href: string; children: Inline[] };

export type Block =
  | { type: "p"; children: Inline[] }
  | { type: "ul"; items: Inline[][] }
  | { type: "ol"; start: number; items: Inline[][] };

const SAFE_PROTOCOLS = ["http:", "https:", "mailto:"];

/** The normalised URL when it is absolute and http(s)/mailto; anything else (javascript:, data:, relative) is refused. */
export function safeHref(raw: string): string | null {
  try {
    const url = new URL(raw);
    return SAFE_PROTOCOLS.includes(url.protocol) ? url.href : null;
  } catch {
    return null;
  }
}

// `code` | **bold** | [label](url) | bare http(s) URL (trailing punctuation stays outside the link).
const INLINE = /`([^`\n]+)`|\*\*(?=\S)([\s\S]*?\S)\*\*|\[([^\]\n]+)\]\(([^()\s]+)\)|(https?:\/\/[^\s<>]*[^\s<>.,;:!?)\]'"])/g;

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const push = (node: Inline) => {
    const last = out[out.length - 1];
    if (typeof node === "string" && typeof last === "string") out[out.length - 1] = last + node;
    else if (node !== "") out.push(node);
  };
  let cursor = 0;
  for (const match of text.matchAll(INLINE)) {
    const [whole, code, bold, label, href, bare] = match;
    push(text.slice(cursor, match.index));
    cursor = match.index + whole.length;
    if (code !== undefined) push({ type: "code", text: code });
    else if (bold !== undefined) push({ type: "strong", children: parseInline(bold) });
    else {
      const target = safeHref(href ?? bare ?? "");
      // A refused link keeps its original source visible so nothing the model wrote is hidden.
      push(target ? { type: "link", href: target, children: label !== undefined ? parseInline(label) : [bare!] } : whole);
    }
  }
  push(text.slice(cursor));
  return out;
}

const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*(\d{1,9})[.)]\s+(.*)$/;

export function parseMarkdown(text: string): Block[] {
  const blocks: Block[] = [];
  let paragraph: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ type: "p", children: parseInline(paragraph.join("\n")) });
    paragraph = [];
  };
  for (const line of text.split(/\r\n|\r|\n/)) {
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      flush();
      const item = parseInline((bullet ? bullet[1] : numbered![2]) ?? "");
      const type = bullet ? "ul" : "ol";
      const last = blocks[blocks.length - 1];
      if (last && last.type === type) last.items.push(item);
      else if (type === "ul") blocks.push({ type, items: [item] });
      else blocks.push({ type, start: Number(numbered![1]), items: [item] });
    } else if (line.trim()) paragraph.push(line);
    else flush();
  }
  flush();
  return blocks;
}
