"use client";

import { CopyButton } from "@/components/copy-button";
import { usePublicUrl } from "@/components/shell/public-url";

export function EmbedSnippet({ publicKey }: { publicKey: string }) {
  const publicUrl = usePublicUrl();
  const snippet = `<script src="${publicUrl}/widget.js" data-bot-key="${publicKey}" async></script>`;
  const demoUrl = `${publicUrl}/widget/demo?key=${encodeURIComponent(publicKey)}`;

  return (
    <section className="card">
      <h2>Embed on your site</h2>
      <p className="muted small">Paste this before the closing &lt;/body&gt; tag of every page that should show the chat bubble.</p>
      <pre className="snippet" data-testid="embed-snippet">
        {snippet}
      </pre>
      <div className="row">
        <CopyButton text={snippet} label="Copy snippet" />
        <a className="button secondary" href={demoUrl} target="_blank" rel="noreferrer">
          Open demo page
        </a>
      </div>
    </section>
  );
}
