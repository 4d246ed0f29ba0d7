import type { ServiceContext } from "../context";
import type { ToolList } from "./schemas";
import { loadToolCatalog, toToolView } from "./tool-catalog";

/** Every tool a bot of this organization can enable, with the JSON Schema of its arguments. */
export async function listTools(ctx: ServiceContext): Promise<ToolList> {
  return { data: (await loadToolCatalog(ctx)).map(toToolView) };
}
