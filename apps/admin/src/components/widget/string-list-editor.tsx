"use client";

/** Editable list of short strings (one input per item, add and remove buttons). */
export function StringListEditor({
  label,
  items,
  max,
  placeholder,
  onChange,
}: {
  label: string;
  items: string[];
  max: number;
  placeholder?: string;
  onChange: (items: string[]) => void;
}) {
  return (
    <div className="string-list">
      {items.map((item, index) => (
        <div className="row" key={index}>
          <input
            type="text"
            aria-label={`${label} ${index + 1}`}
            value={item}
            placeholder={placeholder}
            style={{ flex: 1 }}
            onChange={(event) => onChange(items.map((old, i) => (i === index ? event.target.value : old)))}
          />
          <button type="button" className="link small" onClick={() => onChange(items.filter((_, i) => i !== index))}>
            Remove
          </button>
        </div>
      ))}
      {items.length < max && (
        <button type="button" className="secondary small" onClick={() => onChange([...items, ""])}>
          Add {label.toLowerCase()}
        </button>
      )}
    </div>
  );
}
