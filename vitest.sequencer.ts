import { relative } from "node:path";
import { BaseSequencer, type TestSpecification } from "vitest/node";

// Files that take minutes: started first, so they do not begin last and leave the other worker idle. vitest's own
// cache (node_modules/.vite) orders by measured durations, but a fresh clone in CI has none and falls back to file
// size. Seconds from a full PGlite run on the 2-core CI machine; rough is enough, only the order matters.
const KNOWN_SECONDS: Record<string, number> = {
  "apps/admin/test/integrations.browser.test.ts": 380,
  "apps/admin/test/integrations-e2e.browser.test.ts": 290,
  "apps/worker/src/functions/knowledge/ingest-document.test.ts": 240,
  "apps/api/test/knowledge-lifecycle.test.ts": 160,
  "apps/worker/src/functions/knowledge/ingest-new-version.test.ts": 160,
  "apps/admin/test/leads.browser.test.ts": 145,
  "packages/core/src/knowledge/knowledge-lifecycle.test.ts": 130,
  "apps/admin/test/knowledge.browser.test.ts": 90,
  "apps/worker/src/functions/knowledge/crawl-website.test.ts": 90,
  "apps/api/test/properties/public-endpoints.property.test.ts": 90,
  "packages/rag/src/retrieval/top-postings.test.ts": 70,
};
/** A browser test file starts the API, `next start` or the widget, and Chromium: never quick. */
const BROWSER_SECONDS = 60;

/** Longest expected first: vitest's measured duration when cached, else the table above, else browser or not. */
export default class LongestFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const root = this.ctx.config.root;
    const expected = (file: TestSpecification): number => {
      const path = relative(root, file.moduleId);
      const cached = this.ctx.cache.getFileTestResults(`${file.project.name}:${path}`);
      if (cached && !cached.failed) return cached.duration / 1000;
      return KNOWN_SECONDS[path] ?? (path.endsWith(".browser.test.ts") ? BROWSER_SECONDS : 0);
    };
    const bySize = await super.sort(files);
    const rank = new Map(bySize.map((file, index) => [file, index]));
    return [...files].sort((a, b) => expected(b) - expected(a) || rank.get(a)! - rank.get(b)!);
  }
}
