"use client";

import { usePublicUrl } from "@/components/shell/public-url";

/**
 * The real widget script on the API's demo page (its own origin is always allowed, whatever allowedOrigins
 * says). Keyed by the bot's updatedAt, so every save reloads it with the saved settings.
 */
export function WidgetPreview({ publicKey, version }: { publicKey: string; version: string }) {
  const publicUrl = usePublicUrl();
  const src = `${publicUrl}/widget/demo?key=${encodeURIComponent(publicKey)}&v=${encodeURIComponent(version)}`;
  return (
    <section className="card">
      <h2>Live preview</h2>
      <p className="muted small">The widget as visitors get it, with the saved settings; it reloads after each save.</p>
      <iframe key={version} src={src} title="Widget preview" className="widget-preview" data-testid="widget-preview" />
    </section>
  );
}
