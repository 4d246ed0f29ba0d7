/** One benchmark, loaded lazily so the orchestrator stays light and each section loads only what it needs. */
export interface BenchSection {
  name: string;
  title: string;
  load(): Promise<(options: BenchOptions) => Promise<SectionResult>>;
}

export interface BenchOptions {
  /** Absolute path of the repository root. */
  repoRoot: string;
  /** BEIR folder for the retrieval section. */
  retrievalData: string;
}

export interface SectionResult {
  /** Tables and notes, already formatted. */
  lines: string[];
  metrics: Record<string, unknown>;
}
