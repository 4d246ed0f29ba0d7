"use client";

import { CHANNELS, MAX_FOLLOW_UPS, newRow, unitLabel, WAIT_UNITS, type FollowUpChannel, type FollowUpRow } from "./follow-up-rows";

export interface RowProblem {
  row: number;
  field: string;
  message: string;
}

const FIELD_NAMES: Record<string, string> = { after: "wait", channel: "channel", message: "message", subject: "email subject" };

/**
 * The follow-up sequence as rows (wait, channel, message; email steps also a subject): added, removed and moved up
 * or down. Problems (checked here, or named by the API as followUps.<n>.<field>) show under their row.
 */
export function FollowUpEditor({ rows, onChange, problems }: { rows: FollowUpRow[]; onChange: (rows: FollowUpRow[]) => void; problems: RowProblem[] }) {
  const set = (index: number, patch: Partial<FollowUpRow>) => onChange(rows.map((row, at) => (at === index ? { ...row, ...patch } : row)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    onChange(next);
  };
  return (
    <div className="stack" data-testid="follow-up-editor">
      {rows.length === 0 && <p className="muted small">No follow-ups: leads who go quiet are left alone.</p>}
      {rows.map((row, index) => {
        const step = `Step ${index + 1}`;
        const rowProblems = problems.filter((problem) => problem.row === index);
        const units = WAIT_UNITS.some((unit) => unit.value === row.unit) ? WAIT_UNITS.map((unit) => unit.value as string) : [...WAIT_UNITS.map((unit) => unit.value as string), row.unit];
        return (
          <fieldset className="fieldset" key={row.key} data-testid="follow-up-step" aria-label={step}>
            <legend>{step}</legend>
            <div className="row">
              <label>
                Wait
                <input aria-label={`${step} wait`} type="number" value={row.amount} onChange={(event) => set(index, { amount: event.target.value })} style={{ width: "5rem" }} />
              </label>
              <select aria-label={`${step} wait unit`} value={row.unit} onChange={(event) => set(index, { unit: event.target.value })}>
                {units.map((unit) => (
                  <option key={unit} value={unit}>
                    {unitLabel(unit)}
                  </option>
                ))}
              </select>
              <span className="muted small">{index === 0 ? "after the bot's last answer" : "after the previous step"}, without a reply</span>
            </div>
            <label>
              Send by
              <select aria-label={`${step} channel`} value={row.channel} onChange={(event) => set(index, { channel: event.target.value as FollowUpChannel })}>
                {CHANNELS.map((channel) => (
                  <option key={channel.value} value={channel.value}>
                    {channel.label}
                  </option>
                ))}
              </select>
            </label>
            {row.channel === "email" && (
              <label>
                Email subject <span className="muted small">(optional)</span>
                <input aria-label={`${step} email subject`} value={row.subject} onChange={(event) => set(index, { subject: event.target.value })} />
              </label>
            )}
            <label>
              Message <span className="muted small">({"{name}"} becomes the lead’s first name)</span>
              <textarea aria-label={`${step} message`} rows={2} value={row.message} onChange={(event) => set(index, { message: event.target.value })} />
            </label>
            {rowProblems.map((problem) => (
              <p className="error small" role="alert" key={`${problem.field}:${problem.message}`}>
                {step} {FIELD_NAMES[problem.field] ?? problem.field}: {problem.message}
              </p>
            ))}
            <div className="row">
              <button type="button" className="secondary" aria-label={`Move step ${index + 1} up`} disabled={index === 0} onClick={() => move(index, -1)}>
                ↑ Up
              </button>
              <button type="button" className="secondary" aria-label={`Move step ${index + 1} down`} disabled={index === rows.length - 1} onClick={() => move(index, 1)}>
                ↓ Down
              </button>
              <button type="button" className="secondary" aria-label={`Remove step ${index + 1}`} onClick={() => onChange(rows.filter((_, at) => at !== index))}>
                Remove
              </button>
            </div>
          </fieldset>
        );
      })}
      <div>
        <button type="button" className="secondary" disabled={rows.length >= MAX_FOLLOW_UPS} onClick={() => onChange([...rows, newRow()])}>
          Add follow-up
        </button>
        {rows.length >= MAX_FOLLOW_UPS && <span className="muted small"> At most {MAX_FOLLOW_UPS} follow-ups.</span>}
      </div>
    </div>
  );
}
