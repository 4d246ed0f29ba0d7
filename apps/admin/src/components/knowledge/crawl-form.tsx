"use client";

import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState, type FormEvent } from "react";
import { errorMessage } from "@/lib/errors";
import { useTRPC } from "@/lib/trpc";

/** Starts a website crawl: follow links from a page, or read a sitemap. */
export function CrawlForm({ knowledgeBaseId }: { knowledgeBaseId: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [mode, setMode] = useState<"url" | "sitemap">("url");
  const start = useMutation(
    trpc.knowledge.crawls.start.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.knowledge.crawls.list.queryKey({ knowledgeBaseId }) }),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const lines = (name: string) =>
      String(form.get(name) ?? "")
        .split("\n")
        .map((line) => line.trim())
        .filter(Boolean);
    start.mutate({
      knowledgeBaseId,
      url: String(form.get("url")).trim(),
      mode,
      maxDepth: Number(form.get("maxDepth")),
      maxPages: Number(form.get("maxPages")),
      sameOrigin: form.get("sameOrigin") === "on",
      include: lines("include"),
      exclude: lines("exclude"),
    });
  }

  return (
    <form className="card" onSubmit={onSubmit} data-testid="crawl-form">
      <h2>Crawl a website</h2>
      <label>
        Start URL
        <input name="url" type="text" inputMode="url" required placeholder="https://www.example.com/help" />
      </label>
      <div className="row">
        <label className="checkbox">
          <input type="radio" name="mode" checked={mode === "url"} onChange={() => setMode("url")} />
          Follow links from this page
        </label>
        <label className="checkbox">
          <input type="radio" name="mode" checked={mode === "sitemap"} onChange={() => setMode("sitemap")} />
          Read the sitemap
        </label>
      </div>
      <div className="grid-2">
        <label>
          Depth
          <input name="maxDepth" type="number" min={0} max={10} defaultValue={2} disabled={mode === "sitemap"} />
        </label>
        <label>
          Max pages
          <input name="maxPages" type="number" min={1} max={1000} defaultValue={50} />
        </label>
      </div>
      <label className="checkbox">
        <input name="sameOrigin" type="checkbox" defaultChecked />
        Stay on the same site
      </label>
      <details className="small">
        <summary>Include / exclude patterns</summary>
        <label>
          Include <span className="muted">(one per line, * wildcards; “/docs/*” matches paths)</span>
          <textarea name="include" rows={2} className="mono" />
        </label>
        <label>
          Exclude
          <textarea name="exclude" rows={2} className="mono" />
        </label>
      </details>
      {start.error && <p className="error" role="alert">{errorMessage(start.error)}</p>}
      <button type="submit" disabled={start.isPending}>
        Start crawl
      </button>
    </form>
  );
}
