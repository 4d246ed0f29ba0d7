"use client";

import type { LeadCaptureDraft, LeadField } from "./widget-settings-draft";

const modes: { value: LeadCaptureDraft["mode"]; label: string }[] = [
  { value: "off", label: "Never ask" },
  { value: "always", label: "Before the first message" },
  { value: "after_messages", label: "After a number of messages" },
  { value: "on_handoff", label: "When the visitor asks for a person" },
];
const fields: LeadField[] = ["name", "email", "phone"];

/** When the widget asks for contact details, which fields it shows and which are required. */
export function LeadCaptureFields({ value, onChange }: { value: LeadCaptureDraft; onChange: (value: LeadCaptureDraft) => void }) {
  function toggle(list: "fields" | "requiredFields", field: LeadField, on: boolean) {
    const next = on ? [...value[list], field] : value[list].filter((item) => item !== field);
    const ordered = fields.filter((item) => next.includes(item));
    // A field that is no longer asked for cannot stay required.
    const requiredFields = list === "fields" ? value.requiredFields.filter((item) => ordered.includes(item)) : ordered;
    onChange({ ...value, [list]: ordered, requiredFields });
  }

  return (
    <fieldset className="fieldset">
      <legend>Lead capture</legend>
      <label>
        Ask for contact details
        <select value={value.mode} onChange={(event) => onChange({ ...value, mode: event.target.value as LeadCaptureDraft["mode"] })}>
          {modes.map((mode) => (
            <option key={mode.value} value={mode.value}>
              {mode.label}
            </option>
          ))}
        </select>
      </label>
      {value.mode === "after_messages" && (
        <label>
          After this many visitor messages
          <input
            type="number"
            min={1}
            max={50}
            value={value.afterMessages}
            onChange={(event) => onChange({ ...value, afterMessages: Number(event.target.value) })}
          />
        </label>
      )}
      {value.mode !== "off" && (
        <table className="compact">
          <thead>
            <tr>
              <th>Field</th>
              <th>Ask</th>
              <th>Required</th>
            </tr>
          </thead>
          <tbody>
            {fields.map((field) => (
              <tr key={field}>
                <td>{field}</td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Ask for ${field}`}
                    checked={value.fields.includes(field)}
                    onChange={(event) => toggle("fields", field, event.target.checked)}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Require ${field}`}
                    disabled={!value.fields.includes(field)}
                    checked={value.requiredFields.includes(field)}
                    onChange={(event) => toggle("requiredFields", field, event.target.checked)}
                  />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </fieldset>
  );
}
