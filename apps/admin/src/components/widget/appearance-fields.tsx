"use client";

import type { WidgetSettingsDraft } from "./widget-settings-draft";

type Change = (patch: Partial<WidgetSettingsDraft>) => void;

const locales = [
  ["", "English (default)"],
  ["es", "Español"],
  ["fr", "Français"],
  ["de", "Deutsch"],
] as const;

/** Header name, avatar, colour, launcher text, corner and language of the bubble. */
export function AppearanceFields({ draft, onChange }: { draft: WidgetSettingsDraft; onChange: Change }) {
  return (
    <fieldset className="fieldset">
      <legend>Appearance</legend>
      <label>
        Display name <span className="muted small">(panel header; defaults to the bot name)</span>
        <input type="text" value={draft.name} onChange={(event) => onChange({ name: event.target.value })} />
      </label>
      <label>
        Avatar URL
        <input
          type="text"
          inputMode="url"
          placeholder="https://…/avatar.png"
          value={draft.avatarUrl}
          onChange={(event) => onChange({ avatarUrl: event.target.value })}
        />
      </label>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <label style={{ flex: 1 }}>
          Primary color
          <input
            type="text"
            placeholder="#2754c5"
            value={draft.primaryColor}
            onChange={(event) => onChange({ primaryColor: event.target.value })}
          />
        </label>
        <input
          type="color"
          aria-label="Pick primary color"
          className="color-swatch"
          value={/^#[0-9a-f]{6}$/i.test(draft.primaryColor) ? draft.primaryColor : "#2754c5"}
          onChange={(event) => onChange({ primaryColor: event.target.value })}
        />
      </div>
      <label>
        Launcher label <span className="muted small">(text beside the bubble icon; empty for icon only)</span>
        <input type="text" value={draft.launcherLabel} onChange={(event) => onChange({ launcherLabel: event.target.value })} />
      </label>
      <div className="grid-2">
        <label>
          Position
          <select
            value={draft.position}
            onChange={(event) => onChange({ position: event.target.value === "bottom-left" ? "bottom-left" : "bottom-right" })}
          >
            <option value="bottom-right">Bottom right</option>
            <option value="bottom-left">Bottom left</option>
          </select>
        </label>
        <label>
          Language
          <select value={draft.locale} onChange={(event) => onChange({ locale: event.target.value })}>
            {locales.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}
