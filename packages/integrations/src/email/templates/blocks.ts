import { escapeHtml } from "../../html";

/**
 * A template is a list of blocks rendered twice, to HTML (every text value escaped here, in one place) and to plain
 * text, so the two versions never drift apart.
 */
export type Block =
  | { kind: "heading"; text: string }
  | { kind: "paragraph"; text: string }
  | { kind: "fields"; rows: [label: string, value: string | number | undefined][] }
  | { kind: "list"; items: string[] }
  | { kind: "button"; label: string; url: string };

const styles = {
  body: "margin:0;padding:24px;background:#f6f7f9;font-family:-apple-system,Segoe UI,Roboto,Helvetica,Arial,sans-serif;color:#1f2328;",
  card: "max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;",
  heading: "margin:0 0 16px;font-size:20px;",
  paragraph: "margin:0 0 16px;line-height:1.5;",
  label: "padding:4px 12px 4px 0;color:#59636e;vertical-align:top;white-space:nowrap;",
  value: "padding:4px 0;",
  button: "display:inline-block;padding:10px 16px;background:#0969da;color:#ffffff;border-radius:6px;text-decoration:none;",
};

const multiline = (text: string) => escapeHtml(text).replace(/\n/g, "<br>");

function blockToHtml(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `<h1 style="${styles.heading}">${escapeHtml(block.text)}</h1>`;
    case "paragraph":
      return `<p style="${styles.paragraph}">${multiline(block.text)}</p>`;
    case "fields": {
      const rows = block.rows
        .filter((row): row is [string, string | number] => row[1] !== undefined && row[1] !== "")
        .map(([label, value]) => `<tr><td style="${styles.label}">${escapeHtml(label)}</td><td style="${styles.value}">${multiline(String(value))}</td></tr>`);
      return rows.length > 0 ? `<table role="presentation" style="margin:0 0 16px;border-collapse:collapse;">${rows.join("")}</table>` : "";
    }
    case "list":
      return block.items.length > 0 ? `<ul style="${styles.paragraph}">${block.items.map((item) => `<li>${multiline(item)}</li>`).join("")}</ul>` : "";
    case "button":
      return `<p style="${styles.paragraph}"><a href="${escapeHtml(block.url)}" style="${styles.button}">${escapeHtml(block.label)}</a></p>`;
  }
}

function blockToText(block: Block): string {
  switch (block.kind) {
    case "heading":
      return `${block.text}\n${"=".repeat(Math.min(block.text.length, 60))}`;
    case "paragraph":
      return block.text;
    case "fields":
      return block.rows
        .filter((row) => row[1] !== undefined && row[1] !== "")
        .map(([label, value]) => `${label}: ${String(value)}`)
        .join("\n");
    case "list":
      return block.items.map((item) => `- ${item}`).join("\n");
    case "button":
      return `${block.label}: ${block.url}`;
  }
}

export function renderHtml(subject: string, blocks: Block[]): string {
  return [
    "<!doctype html>",
    `<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(subject)}</title></head>`,
    `<body style="${styles.body}"><div style="${styles.card}">${blocks.map(blockToHtml).join("")}</div></body></html>`,
  ].join("");
}

export function renderText(blocks: Block[]): string {
  return `${blocks
    .map(blockToText)
    .filter((text) => text.length > 0)
    .join("\n\n")}\n`;
}
