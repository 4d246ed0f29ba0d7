export { createLocalExecutor, type LocalExecutor, type LocalExecutorOptions, type LocalExecutorLogger } from "./local-executor";
export { runFunction, resumeFunction, type ExecutorEvent, type PendingWait, type ParkedState, type RunOptions, type RunResult, type SerializedError } from "./run-function";
