export * from "./schemas";
export * from "./usage-schemas";
export { analyticsOverview } from "./overview";
export { tokenUsage } from "./token-usage";
