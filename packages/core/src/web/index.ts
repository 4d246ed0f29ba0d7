export { destinationGuard, webFetchGuard } from "./destination-guard";
