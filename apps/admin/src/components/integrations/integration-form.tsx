"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { JsonSchemaForm } from "@/components/json-schema/json-schema-form";
import { errorMessage } from "@/lib/errors";
import { fieldsOf, initialValues, valuesToObject } from "@/lib/json-schema";
import { useTRPC } from "@/lib/trpc";
import type { Integration, IntegrationType } from "./types";

/**
 * Connect (or edit) one integration. "Test and save" lets the API test the settings first and shows the
 * provider's refusal; "Save without testing" stores them untested. Stored secrets are only shown masked.
 */
export function IntegrationForm({ type, existing, onDone }: { type: IntegrationType; existing?: Integration; onDone: () => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = useMemo(() => fieldsOf(type.configJsonSchema), [type.configJsonSchema]);
  const [name, setName] = useState(existing?.name ?? type.name);
  const [values, setValues] = useState(() => initialValues(fields, existing?.config));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const onSuccess = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.integrations.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.tools.list.queryKey() });
    onDone();
  };
  const create = useMutation(trpc.integrations.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.integrations.update.mutationOptions({ onSuccess }));
  const pending = create.isPending || update.isPending;
  const error = create.error ?? update.error;

  function save(skipTest: boolean) {
    const { value: config, problems: found } = valuesToObject(fields, values);
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    if (existing) update.mutate({ id: existing.id, data: { name, config, skipTest } });
    else create.mutate({ type: type.id, name, config, skipTest });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    save(false);
  }

  return (
    <form onSubmit={onSubmit} data-testid="integration-form">
      <p className="muted small">{type.description}</p>
      <label>
        Name
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} required />
      </label>
      <JsonSchemaForm
        idPrefix={`integration-${type.id}`}
        fields={fields}
        values={values}
        onChange={setValues}
        problems={problems}
        maskedSecrets={existing?.secrets}
      />
      {existing && <p className="muted small">Last updated {new Date(existing.updatedAt).toLocaleString()}</p>}
      {error && (
        <p className="error" role="alert" data-testid="integration-error">
          {errorMessage(error)}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={pending}>
          {pending ? "Testing…" : "Test and save"}
        </button>
        <button type="button" className="secondary" disabled={pending} onClick={() => save(true)}>
          Save without testing
        </button>
      </div>
    </form>
  );
}
