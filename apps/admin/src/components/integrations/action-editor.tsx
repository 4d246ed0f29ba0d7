"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { rowsToSchema, schemaToRows, type ParameterRow } from "@/lib/json-schema";
import { useTRPC, type RouterOutputs } from "@/lib/trpc";
import { ParameterBuilder } from "./parameter-builder";

export type CustomAction = RouterOutputs["actions"]["list"][number];
type Method = CustomAction["endpoint"]["method"];
type AuthType = CustomAction["endpoint"]["auth"]["type"];
const methods: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Creates or edits a custom action: what the model sees (name, description, parameters) and the HTTP call. */
export function ActionEditor({ existing, onDone }: { existing?: CustomAction; onDone: (action: CustomAction) => void }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [name, setName] = useState(existing?.name ?? "");
  const [description, setDescription] = useState(existing?.description ?? "");
  const [rows, setRows] = useState<ParameterRow[]>(() => schemaToRows(existing?.parameters));
  const [url, setUrl] = useState(existing?.endpoint.url ?? "");
  const [method, setMethod] = useState<Method>(existing?.endpoint.method ?? "POST");
  const [authType, setAuthType] = useState<AuthType>(existing?.endpoint.auth.type ?? "none");
  const [header, setHeader] = useState(existing?.endpoint.auth.header ?? "Authorization");
  const [secret, setSecret] = useState("");
  const [timeoutSeconds, setTimeoutSeconds] = useState(String((existing?.timeoutMs ?? 15_000) / 1000));
  const onSuccess = async (action: CustomAction) => {
    await queryClient.invalidateQueries({ queryKey: trpc.actions.list.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.tools.list.queryKey() });
    onDone(action);
  };
  const create = useMutation(trpc.actions.create.mutationOptions({ onSuccess }));
  const update = useMutation(trpc.actions.update.mutationOptions({ onSuccess }));
  const error = create.error ?? update.error;
  const storedSecret = existing?.endpoint.auth.type === authType ? existing.endpoint.auth.secret : null;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const timeoutMs = Math.round(Number(timeoutSeconds) * 1000);
    const parameters = rowsToSchema(rows);
    if (existing) {
      const auth =
        authType === "none"
          ? { type: "none" as const }
          : authType === "header"
            ? { type: "header" as const, header, secret: secret || undefined }
            : { type: "hmac" as const, secret: secret || undefined };
      update.mutate({ id: existing.id, data: { name, description, parameters, endpoint: { url, method, auth }, timeoutMs } });
    } else {
      const auth =
        authType === "none" ? { type: "none" as const } : authType === "header" ? { type: "header" as const, header, secret } : { type: "hmac" as const, secret };
      create.mutate({ name, description, parameters, endpoint: { url, method, auth }, timeoutMs });
    }
  }

  return (
    <form onSubmit={onSubmit} data-testid="action-editor">
      <label>
        Name <span className="muted small">(lower_snake_case, what the model calls)</span>
        <input type="text" value={name} onChange={(event) => setName(event.target.value)} required placeholder="create_ticket" />
      </label>
      <label>
        Description <span className="muted small">(tells the model when to use it)</span>
        <textarea rows={2} value={description} onChange={(event) => setDescription(event.target.value)} required />
      </label>
      <p className="label-like">Parameters</p>
      <ParameterBuilder rows={rows} onChange={setRows} />
      <details className="small">
        <summary>JSON Schema</summary>
        <pre className="json" data-testid="parameters-schema">{JSON.stringify(rowsToSchema(rows), null, 2)}</pre>
      </details>
      <div className="row" style={{ alignItems: "flex-end", marginTop: "0.75rem" }}>
        <label style={{ width: 110 }}>
          Method
          <select value={method} onChange={(event) => setMethod(event.target.value as Method)}>
            {methods.map((option) => (
              <option key={option}>{option}</option>
            ))}
          </select>
        </label>
        <label style={{ flex: 1 }}>
          Endpoint URL
          <input type="text" inputMode="url" value={url} onChange={(event) => setUrl(event.target.value)} required placeholder="https://api.example.com/tickets" />
        </label>
      </div>
      <div className="row" style={{ alignItems: "flex-end" }}>
        <label style={{ width: 160 }}>
          Authentication
          <select value={authType} onChange={(event) => setAuthType(event.target.value as AuthType)}>
            <option value="none">None</option>
            <option value="header">Header</option>
            <option value="hmac">HMAC signature</option>
          </select>
        </label>
        {authType === "header" && (
          <label style={{ width: 170 }}>
            Header name
            <input type="text" value={header} onChange={(event) => setHeader(event.target.value)} required />
          </label>
        )}
        {authType !== "none" && (
          <label style={{ flex: 1 }}>
            {authType === "header" ? "Header value" : "Signing secret"}
            <input
              type="password"
              autoComplete="new-password"
              value={secret}
              onChange={(event) => setSecret(event.target.value)}
              required={!storedSecret}
              placeholder={storedSecret ? `${storedSecret} (leave blank to keep)` : undefined}
            />
          </label>
        )}
      </div>
      <label style={{ width: 160 }}>
        Timeout (seconds)
        <input type="number" min={1} max={120} value={timeoutSeconds} onChange={(event) => setTimeoutSeconds(event.target.value)} />
      </label>
      {error && <p className="error" role="alert">{errorMessage(error)}</p>}
      <button type="submit" disabled={create.isPending || update.isPending}>
        {existing ? "Save action" : "Create action"}
      </button>
    </form>
  );
}
