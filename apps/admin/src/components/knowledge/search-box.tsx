"use client";

import { useQuery } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** Runs the same retrieval the bots use, to check what a question would find. */
export function SearchBox({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const [query, setQuery] = useState("");
  const results = useQuery({
    ...trpc.search.knowledge.queryOptions({ query, knowledgeBaseId }),
    enabled: query !== "",
  });

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setQuery(String(new FormData(event.currentTarget).get("query")).trim());
  }

  return (
    <section className="card">
      <h2>Test search</h2>
      <form className="row" onSubmit={onSubmit}>
        <input name="query" type="search" placeholder="What would a visitor ask?" aria-label="Search query" style={{ flex: 1 }} />
        <button type="submit">Search</button>
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
                <strong>{result.title}</strong> <span className="muted small">score {result.score.toFixed(3)}</span>
                <div>{result.content}</div>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
