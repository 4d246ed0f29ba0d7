"use client";

import { lastDays, RANGE_PRESETS, type DateRange } from "./date-range";

/** Presets (last 7 / 30 / 90 days) and the two dates they set, editable by hand. */
export function RangePicker({ value, onChange }: { value: DateRange; onChange: (range: DateRange) => void }) {
  return (
    <div className="row" data-testid="range-picker">
      {RANGE_PRESETS.map((days) => {
        const preset = lastDays(days);
        const active = preset.from === value.from && preset.to === value.to;
        return (
          <button key={days} type="button" className={active ? undefined : "secondary"} aria-pressed={active} onClick={() => onChange(preset)}>
            {days} days
          </button>
        );
      })}
      <input type="date" aria-label="From date" value={value.from} max={value.to} onChange={(event) => event.target.value && onChange({ ...value, from: event.target.value })} />
      <span className="muted">–</span>
      <input type="date" aria-label="To date" value={value.to} min={value.from} onChange={(event) => event.target.value && onChange({ ...value, to: event.target.value })} />
    </div>
  );
}
