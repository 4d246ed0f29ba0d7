import type { Strings } from "../i18n";
import type { LeadForm } from "../types";

const INPUT_TYPE = { name: "text", email: "email", phone: "tel" } as const;

/**
 * The bot's request for contact details, inline in the chat. The browser checks required fields and the email
 * format before anything is sent; the server checks again and its reason (naming the field) is shown here.
 */
export function LeadFormView(props: { form: LeadForm; error: string | undefined; t: Strings; onSubmit: (values: Record<string, string>) => unknown }) {
  const { form, t } = props;
  if (form.submitted) {
    return (
      <p class="fd-thanks" role="status" data-testid="lead-thanks">
        {t.thanks}
      </p>
    );
  }
  return (
    <form
      class="fd-lead"
      data-testid="lead-form"
      onSubmit={(event) => {
        event.preventDefault();
        const values: Record<string, string> = {};
        new FormData(event.currentTarget).forEach((value, key) => (values[key] = String(value).trim()));
        props.onSubmit(values);
      }}
    >
      {form.fields.map((field) => (
        <label key={field}>
          {t[field]}
          {form.requiredFields.includes(field) && " *"}
          <input name={field} type={INPUT_TYPE[field]} autoComplete={field === "phone" ? "tel" : field} required={form.requiredFields.includes(field)} maxLength={200} />
        </label>
      ))}
      {props.error && (
        <p class="fd-form-error" role="alert">
          {props.error}
        </p>
      )}
      <button type="submit">{t.send}</button>
    </form>
  );
}
