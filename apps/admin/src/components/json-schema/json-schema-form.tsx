"use client";

import type { FieldSpec, FormValues } from "@/lib/json-schema";

/**
 * Renders fields read from a JSON Schema: text/number inputs, checkboxes, selects for enums, password inputs
 * for writeOnly secrets. A stored secret is never shown; `maskedSecrets` (e.g. "••••abcd") says one is set.
 */
export function JsonSchemaForm({
  fields,
  values,
  onChange,
  problems = {},
  maskedSecrets = {},
  idPrefix,
}: {
  fields: FieldSpec[];
  values: FormValues;
  onChange: (values: FormValues) => void;
  problems?: Record<string, string>;
  maskedSecrets?: Record<string, string>;
  idPrefix: string;
}) {
  const set = (name: string, value: string | boolean) => onChange({ ...values, [name]: value });
  return (
    <div className="schema-form">
      {fields.map((field) => {
        const id = `${idPrefix}-${field.name}`;
        const text = typeof values[field.name] === "string" ? (values[field.name] as string) : "";
        const masked = maskedSecrets[field.name];
        return (
          <div key={field.name} className="schema-field">
            {field.type === "boolean" ? (
              <label className="checkbox" htmlFor={id}>
                <input id={id} type="checkbox" checked={values[field.name] === true} onChange={(event) => set(field.name, event.target.checked)} />
                {field.title}
              </label>
            ) : (
              <label htmlFor={id}>
                {field.title}
                {!field.required && <span className="muted small"> (optional)</span>}
                {field.enumValues ? (
                  <select id={id} value={text} onChange={(event) => set(field.name, event.target.value)} required={field.required}>
                    {!field.required && <option value="">—</option>}
                    {field.enumValues.map((option) => (
                      <option key={option} value={option}>
                        {option}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    id={id}
                    type={field.secret ? "password" : field.type === "number" || field.type === "integer" ? "number" : "text"}
                    step={field.type === "integer" ? 1 : field.type === "number" ? "any" : undefined}
                    autoComplete={field.secret ? "new-password" : "off"}
                    value={text}
                    placeholder={masked ? `${masked} (leave blank to keep)` : field.type === "list" ? "comma separated" : undefined}
                    required={field.required && !masked}
                    onChange={(event) => set(field.name, event.target.value)}
                  />
                )}
              </label>
            )}
            {field.description && <p className="muted small field-help">{field.description}</p>}
            {problems[field.name] && <p className="error small">{problems[field.name]}</p>}
          </div>
        );
      })}
    </div>
  );
}
