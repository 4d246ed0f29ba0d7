export { createApp, type App } from "./app";
export { buildDeps, buildRagRuntime, type ApiDeps, type BuildDepsOverrides } from "./deps";
export { startServer, type RunningServer } from "./start-server";
