export { claimJobMarker, completeJobMarker, onceAcrossReplicas, releaseJobMarker } from "./job-marker";
export { purgeOldRecords, type PurgedRecords } from "./purge-old-records";
export { currentAndPreviousUtcDays, rollUpTokenUsage } from "./roll-up-token-usage";
