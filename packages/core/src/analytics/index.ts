export * from "./schemas";
export { analyticsOverview } from "./overview";
