"use client";

import type { FieldType, ParameterRow } from "@/lib/json-schema";

const types: FieldType[] = ["string", "number", "integer", "boolean"];

/** Rows of name / type / required / description; the editor turns them into the parameters JSON Schema. */
export function ParameterBuilder({ rows, onChange }: { rows: ParameterRow[]; onChange: (rows: ParameterRow[]) => void }) {
  const patch = (index: number, change: Partial<ParameterRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <div data-testid="parameter-builder">
      {rows.length > 0 && (
        <table className="compact">
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Required</th>
              <th>Description</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {rows.map((row, index) => (
              <tr key={index}>
                <td>
                  <input type="text" aria-label={`Parameter ${index + 1} name`} value={row.name} onChange={(event) => patch(index, { name: event.target.value })} />
                </td>
                <td>
                  <select
                    aria-label={`Parameter ${index + 1} type`}
                    value={row.type}
                    onChange={(event) => patch(index, { type: event.target.value as FieldType })}
                  >
                    {types.map((type) => (
                      <option key={type}>{type}</option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Parameter ${index + 1} required`}
                    checked={row.required}
                    onChange={(event) => patch(index, { required: event.target.checked })}
                  />
                </td>
                <td>
                  <input
                    type="text"
                    aria-label={`Parameter ${index + 1} description`}
                    value={row.description}
                    onChange={(event) => patch(index, { description: event.target.value })}
                  />
                </td>
                <td>
                  <button type="button" className="link small" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
                    Remove
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <button
        type="button"
        className="secondary small"
        onClick={() => onChange([...rows, { name: "", type: "string", required: false, description: "" }])}
      >
        Add parameter
      </button>
    </div>
  );
}
