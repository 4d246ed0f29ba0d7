import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

export interface EmbedSnippet {
  /** Absolute URL of widget.js. */
  widgetSrc: string;
  botKey: string;
  apiUrl?: string;
  /** Extra attributes for the <script> tag, e.g. { "data-position": "bottom-left" }. */
  attributes?: Record<string, string>;
  /** The page's own stylesheet, inlined in <head>; null for none (a strict CSP would refuse an inline one). */
  css?: string | null;
}

const attr = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;");

/** A plain customer page embedding the widget exactly as the README tells site owners to. */
export function hostPageHtml(embed: EmbedSnippet): string {
  const extra = { ...(embed.apiUrl ? { "data-api-url": embed.apiUrl } : {}), ...embed.attributes };
  const apiUrl = Object.entries(extra)
    .map(([name, value]) => ` ${name}="${attr(value)}"`)
    .join("");
  const css = embed.css === undefined ? "body{font:16px Georgia,serif;margin:40px;color:#333} button{color:red}" : embed.css;
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Acme Dental</title>
${css === null ? "" : `<style>${css}</style>`}</head>
<body>
<h1>Acme Dental</h1>
<p>Welcome to our practice. Questions? Ask our assistant in the corner.</p>
<script src="${attr(embed.widgetSrc)}" data-bot-key="${attr(embed.botKey)}"${apiUrl} async></script>
</body>
</html>`;
}

export interface HostPage {
  /** Origin of the page, e.g. http://127.0.0.1:41234 (what the widget sends as Origin). */
  url: string;
  close(): Promise<void>;
}

/** Serves `render()` at / on its own loopback port, i.e. a different origin from the API. */
export async function startHostPage(render: () => string, headers: () => Record<string, string> = () => ({})): Promise<HostPage> {
  const server = createServer((req, res) => {
    if (req.url !== "/") {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { "Content-Type": "text/html; charset=utf-8", ...headers() });
    res.end(render());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
