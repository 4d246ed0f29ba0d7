"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC, type RouterInputs } from "@/lib/trpc";

type SourceKind = NonNullable<NonNullable<RouterInputs["search"]["knowledge"]["filters"]>["sourceKinds"]>[number];
const sourceKinds: SourceKind[] = ["file", "text", "url", "faq"];
const score = (value: number | null) => (value === null ? "–" : value.toFixed(3));

/** Runs the same retrieval the bots use, to check what a question would find and how each passage scored. */
export function SearchBox({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const [submitted, setSubmitted] = useState<{ query: string; tags: string[]; kinds: SourceKind[] } | null>(null);
  const [kinds, setKinds] = useState<SourceKind[]>([]);
  const results = useQuery({
    ...trpc.search.knowledge.queryOptions({
      query: submitted?.query ?? "",
      knowledgeBaseId,
      filters: {
        ...(submitted && submitted.tags.length > 0 ? { tags: submitted.tags } : {}),
        ...(submitted && submitted.kinds.length > 0 ? { sourceKinds: submitted.kinds } : {}),
      },
    }),
    enabled: Boolean(submitted?.query),
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const tags = String(form.get("tags") ?? "")
      .split(",")
      .map((tag) => tag.trim())
      .filter(Boolean);
    setSubmitted({ query: String(form.get("query")).trim(), tags, kinds });
  }

  return (
    <section className="card">
      <h2>Test search</h2>
      <form onSubmit={onSubmit}>
        <div className="row">
          <input name="query" type="search" placeholder="What would a visitor ask?" aria-label="Search query" style={{ flex: 1 }} />
          <button type="submit">Search</button>
        </div>
        <div className="row small" style={{ marginTop: "0.5rem" }}>
          <input name="tags" type="text" aria-label="Tags" placeholder="tags, comma separated" style={{ width: 220 }} />
          {sourceKinds.map((kind) => (
            <label key={kind} className="checkbox" style={{ margin: 0 }}>
              <input
                type="checkbox"
                checked={kinds.includes(kind)}
                onChange={(event) => setKinds(event.target.checked ? [...kinds, kind] : kinds.filter((item) => item !== kind))}
              />
              {kind}
            </label>
          ))}
        </div>
      </form>
      {results.error && <p className="error" role="alert">{errorMessage(results.error)}</p>}
      {results.isFetching && <p className="muted">Searching…</p>}
      {results.data &&
        (results.data.length === 0 ? (
          <p className="muted">No matching passages.</p>
        ) : (
          <ol className="results" data-testid="search-results">
            {results.data.map((result) => (
              <li key={result.chunkId}>
                <strong>{result.title}</strong>{" "}
                <span className="muted small">
                  score {score(result.score)} · vector {score(result.vectorScore)} · text {score(result.textScore)}
                </span>
                <div>{result.content}</div>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
