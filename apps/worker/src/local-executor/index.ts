export { createLocalExecutor, type LocalExecutor, type LocalExecutorOptions, type LocalExecutorLogger } from "./local-executor";
export { runFunction, resumeFunction, type ExecutorEvent, type PendingWait, type ParkedState, type RunOptions, type RunResult, type SerializedError } from "./run-function";
export { createMemoryParkedRunStore, type ParkedRunStore, type ParkedRunRecord, type ClaimedRun } from "./parked-runs";
export { createPrismaParkedRunStore } from "./prisma-parked-runs";
