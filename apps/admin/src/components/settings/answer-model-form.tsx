"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterInputs, type RouterOutputs } from "@/lib/trpc";

type Current = RouterOutputs["answerModel"]["get"]["organization"];
type Provider = RouterInputs["answerModel"]["set"]["provider"];

const providers: { value: Provider; label: string }[] = [
  { value: "default", label: "Server default" },
  { value: "openai", label: "OpenAI (or OpenAI-compatible server)" },
  { value: "anthropic", label: "Anthropic" },
  { value: "google", label: "Google Gemini" },
  { value: "ollama", label: "Ollama" },
  { value: "none", label: "None — extractive answers" },
];

const takesKey = (provider: Provider) => provider === "openai" || provider === "anthropic" || provider === "google";
const takesBaseUrl = (provider: Provider) => provider === "openai" || provider === "ollama";

/**
 * Sets the organization's model. The stored key is never shown: leaving the key blank keeps it (while provider
 * and base URL stay). "Test connection" tries the form's settings with one tiny call, without saving them.
 */
export function AnswerModelForm({ current }: { current: Current }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [provider, setProvider] = useState<Provider>(current?.provider ?? "default");
  const [model, setModel] = useState(current?.model ?? "");
  const [apiKey, setApiKey] = useState("");
  const [baseUrl, setBaseUrl] = useState(current?.baseUrl ?? "");
  const refresh = async () => {
    await queryClient.invalidateQueries({ queryKey: trpc.answerModel.get.queryKey() });
    await queryClient.invalidateQueries({ queryKey: trpc.answerModel.mode.queryKey() });
  };
  const save = useMutation(trpc.answerModel.set.mutationOptions({ onSuccess: refresh }));
  const test = useMutation(trpc.answerModel.test.mutationOptions());
  const withModel = provider !== "default" && provider !== "none";

  const input = () => ({
    provider,
    ...(withModel ? { model: model.trim() || null } : {}),
    ...(withModel && takesKey(provider) && apiKey.trim() ? { apiKey: apiKey.trim() } : {}),
    ...(withModel && takesBaseUrl(provider) ? { baseUrl: baseUrl.trim() || null } : {}),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    test.reset();
    save.mutate(input());
  }

  return (
    <form onSubmit={onSubmit} data-testid="answer-model-form">
      <label>
        Provider
        <select name="provider" value={provider} onChange={(event) => setProvider(event.target.value as Provider)}>
          {providers.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      </label>
      {withModel && (
        <>
          <label>
            Model <span className="muted small">(empty = the provider&apos;s default)</span>
            <input name="model" type="text" value={model} onChange={(event) => setModel(event.target.value)} placeholder="gpt-4.1-mini" />
          </label>
          {takesKey(provider) && (
            <label>
              API key{" "}
              <span className="muted small">{current?.hasKey ? "(leave empty to keep the stored key)" : provider === "openai" ? "(optional with a base URL)" : ""}</span>
              <input name="apiKey" type="password" autoComplete="off" value={apiKey} onChange={(event) => setApiKey(event.target.value)} />
            </label>
          )}
          {takesBaseUrl(provider) && (
            <label>
              Base URL <span className="muted small">{provider === "ollama" ? "(your Ollama server)" : "(optional: an OpenAI-compatible server)"}</span>
              <input
                name="baseUrl"
                type="url"
                value={baseUrl}
                onChange={(event) => setBaseUrl(event.target.value)}
                placeholder={provider === "ollama" ? "http://ollama.internal:11434" : "https://api.openai.com/v1"}
              />
            </label>
          )}
        </>
      )}
      {save.error && (
        <p className="error" role="alert">
          {errorMessage(save.error)}
        </p>
      )}
      {test.error && (
        <p className="error" role="alert">
          {errorMessage(test.error)}
        </p>
      )}
      {test.data && (
        <p className={test.data.ok ? "notice" : "error"} role="status" data-testid="answer-model-test">
          {test.data.ok ? `Connection works (${test.data.durationMs} ms)` : `Refused: ${test.data.error ?? "unknown error"}`}
        </p>
      )}
      <div className="row">
        <button type="submit" disabled={save.isPending}>
          {save.isPending ? "Saving…" : "Save"}
        </button>
        <button type="button" className="secondary" disabled={test.isPending} onClick={() => test.mutate(input())}>
          {test.isPending ? "Testing…" : "Test connection"}
        </button>
        {save.isSuccess && <span className="notice">Saved</span>}
      </div>
    </form>
  );
}
