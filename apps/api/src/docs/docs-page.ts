/**
 * A self-contained API reference page: no CDN scripts, fonts or styles (Frontdesk must work offline). It reads
 * the OpenAPI document from `specUrl` and lists every operation with its parameters, body and responses.
 */
export function docsPage(specUrl: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Frontdesk API reference</title>
<style>
  :root { color-scheme: light dark; --fg: #1b1f24; --muted: #5b6470; --line: #d9dee4; --bg: #fff; --code: #f4f6f8; }
  @media (prefers-color-scheme: dark) { :root { --fg: #e6e9ed; --muted: #9aa4b0; --line: #30363d; --bg: #0d1117; --code: #161b22; } }
  body { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); margin: 0; }
  main { max-width: 960px; margin: 0 auto; padding: 24px; }
  h1 { margin: 0 0 4px; } h2 { margin-top: 32px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
  .muted { color: var(--muted); }
  details { border: 1px solid var(--line); border-radius: 8px; margin: 8px 0; }
  summary { cursor: pointer; padding: 8px 12px; display: flex; gap: 12px; align-items: baseline; }
  .method { font: 600 12px ui-monospace, monospace; text-transform: uppercase; min-width: 56px; }
  .get { color: #1a7f37; } .post { color: #0969da; } .patch, .put { color: #9a6700; } .delete { color: #cf222e; }
  .path { font-family: ui-monospace, monospace; }
  .body { padding: 0 12px 12px; }
  pre { background: var(--code); padding: 8px; border-radius: 6px; overflow: auto; font-size: 13px; }
  code { font-family: ui-monospace, monospace; }
  table { border-collapse: collapse; } td, th { text-align: left; padding: 2px 12px 2px 0; vertical-align: top; }
</style>
</head>
<body>
<main>
  <h1 id="title">Frontdesk API</h1>
  <p class="muted" id="subtitle">Loading <code>${specUrl}</code>…</p>
  <p>Authenticate every request with <code>Authorization: Bearer fd_…</code> (create a key in the admin or with
    <code>npm run frontdesk -- api-keys create</code>). Errors are problem bodies:
    <code>{"type","title","status","code","errors":[{"field","message"}]}</code>.
    The raw document is at <a href="${specUrl}"><code>${specUrl}</code></a>.</p>
  <div id="ops"></div>
</main>
<script>
(async () => {
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const child of children) node.append(child);
    return node;
  };
  const pretty = (value) => el("pre", {}, JSON.stringify(value, null, 2));
  const spec = await (await fetch(${JSON.stringify(specUrl)})).json();
  const resolve = (schema) => {
    const seen = new Set();
    const walk = (s) => {
      if (!s || typeof s !== "object") return s;
      if (s.$ref) {
        const name = s.$ref.split("/").pop();
        if (seen.has(name)) return { $ref: name };
        seen.add(name);
        const out = walk(spec.components?.schemas?.[name]);
        seen.delete(name);
        return out;
      }
      if (Array.isArray(s)) return s.map(walk);
      return Object.fromEntries(Object.entries(s).map(([k, v]) => [k, walk(v)]));
    };
    return walk(schema);
  };
  document.getElementById("title").textContent = spec.info?.title ?? "API";
  document.getElementById("subtitle").textContent =
    (spec.info?.version ? "Version " + spec.info.version + " · " : "") + "Base URL " + (spec.servers?.[0]?.url ?? "/");
  const byTag = new Map();
  for (const [path, item] of Object.entries(spec.paths ?? {})) {
    for (const [method, op] of Object.entries(item)) {
      const tag = op.tags?.[0] ?? "Other";
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }
  const root = document.getElementById("ops");
  for (const [tag, ops] of byTag) {
    root.append(el("h2", {}, tag));
    for (const { path, method, op } of ops) {
      const body = el("div", { class: "body" });
      if (op.description) body.append(el("p", {}, op.description));
      if (op.parameters?.length) {
        const table = el("table", {}, el("tr", {}, el("th", {}, "Parameter"), el("th", {}, "In"), el("th", {}, "Schema")));
        for (const p of op.parameters) {
          table.append(el("tr", {}, el("td", {}, el("code", {}, p.name + (p.required ? "" : "?"))), el("td", {}, p.in),
            el("td", {}, el("code", {}, JSON.stringify(resolve(p.schema))))));
        }
        body.append(table);
      }
      for (const [type, media] of Object.entries(op.requestBody?.content ?? {})) {
        body.append(el("p", {}, "Request body ", el("code", {}, type)), pretty(resolve(media.schema)));
      }
      for (const [status, response] of Object.entries(op.responses ?? {})) {
        body.append(el("p", {}, el("strong", {}, status), " " + (response.description ?? "")));
        const json = response.content?.["application/json"];
        if (json && String(status).startsWith("2")) body.append(pretty(resolve(json.schema)));
      }
      root.append(el("details", {},
        el("summary", {}, el("span", { class: "method " + method }, method), el("span", { class: "path" }, path),
          el("span", { class: "muted" }, op.summary ?? "")),
        body));
    }
  }
})().catch((error) => { document.getElementById("subtitle").textContent = "Could not load the API description: " + error; });
</script>
</body>
</html>`;
}
