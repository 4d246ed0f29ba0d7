export { destinationGuard } from "./destination-guard";
