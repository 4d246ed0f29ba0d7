"use client";

import { useState } from "react";
import { usePublicUrl } from "@/components/shell/public-url";
import { useDebounced } from "@/lib/use-debounced";
import type { WidgetSettingsDraft } from "./widget-settings-draft";

/**
 * The real widget script on the API's demo page (its own origin is always allowed, whatever allowedOrigins
 * says). Colour, launcher label, corner and language are passed as the embed's data-* overrides, so edits
 * show before saving; the rest comes from the saved settings (the widget caches them for up to a minute).
 */
export function WidgetPreview({ publicKey, draft, version }: { publicKey: string; draft: WidgetSettingsDraft; version: string }) {
  const publicUrl = usePublicUrl();
  const [open, setOpen] = useState(false);
  const live = useDebounced(
    { position: draft.position, primaryColor: draft.primaryColor, launcherLabel: draft.launcherLabel, locale: draft.locale },
    400,
  );
  const params = new URLSearchParams({ key: publicKey, preview: "1", ...live, open: open ? "1" : "0", v: version });
  const src = `${publicUrl}/widget/demo?${params.toString()}`;
  return (
    <section className="card">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2>Live preview</h2>
        <label className="checkbox small" style={{ margin: 0 }}>
          <input type="checkbox" checked={open} onChange={(event) => setOpen(event.target.checked)} />
          Show the chat panel open
        </label>
      </div>
      <iframe key={src} src={src} title="Widget preview" className="widget-preview" data-testid="widget-preview" />
    </section>
  );
}
