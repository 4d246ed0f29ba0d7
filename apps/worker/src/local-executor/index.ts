export { createLocalExecutor, type LocalExecutor, type LocalExecutorOptions, type LocalExecutorLogger } from "./local-executor";
export { runFunction, type ExecutorEvent, type RunOptions, type RunResult, type SerializedError } from "./run-function";
