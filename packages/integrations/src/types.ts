import type { z } from "zod";

/** What every integration type declares; a later issue adds actions (LLM-callable tools) and sync. */
export interface IntegrationDefinition<Config extends z.ZodType = z.ZodType> {
  /** Stable id used in URLs and storage, e.g. "hubspot". */
  id: string;
  name: string;
  description: string;
  /** Validates the owner's settings; rendered as a form in the admin. */
  configSchema: Config;
}
