"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useMemo, useState, type FormEvent } from "react";
import { JsonSchemaForm } from "@/components/json-schema/json-schema-form";
import { errorMessage } from "@/lib/errors";
import { fieldsOf, initialValues, valuesToObject } from "@/lib/json-schema";
import { useTRPC } from "@/lib/trpc";
import type { CustomAction } from "./action-editor";

/** Calls the action's endpoint for real with arguments typed into a form made from its parameters. */
export function ActionTryIt({ action }: { action: CustomAction }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const fields = useMemo(() => fieldsOf(action.parameters), [action.parameters]);
  const [values, setValues] = useState(() => initialValues(fields));
  const [problems, setProblems] = useState<Record<string, string>>({});
  const invoke = useMutation(
    trpc.actions.invoke.mutationOptions({
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.toolCalls.list.queryKey() }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const { value, problems: found } = valuesToObject(fields, values);
    setProblems(found);
    if (Object.keys(found).length === 0) invoke.mutate({ id: action.id, arguments: value });
  }

  const result = invoke.data;
  return (
    <form onSubmit={onSubmit} data-testid="try-it">
      <JsonSchemaForm idPrefix={`try-${action.id}`} fields={fields} values={values} onChange={setValues} problems={problems} />
      <button type="submit" disabled={invoke.isPending}>
        {invoke.isPending ? "Calling…" : "Try it"}
      </button>
      {invoke.error && <p className="error" role="alert">{errorMessage(invoke.error)}</p>}
      {result && (
        <div data-testid="try-it-result" data-ok={String(result.ok)}>
          <p className="small">
            <span className={`badge ${result.ok ? "ok" : "fail"}`}>{result.ok ? "ok" : "failed"}</span> status{" "}
            <strong>{result.status ?? "none"}</strong> in {result.durationMs} ms
            {result.error && <span className="error"> · {result.error}</span>}
          </p>
          <pre className="json">{JSON.stringify({ ok: result.ok, status: result.status, durationMs: result.durationMs, response: result.response }, null, 2)}</pre>
        </div>
      )}
    </form>
  );
}
