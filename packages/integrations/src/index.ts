export type { IntegrationDefinition } from "./types";
export { listIntegrationIds, loadIntegration } from "./registry";
