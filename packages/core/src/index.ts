export * from "./context";
export * from "./errors";
export * from "./events";
export { parseInput } from "./parse-input";
export * from "./auth";
export * from "./organizations";
export * from "./api-keys";
export * from "./knowledge";
export * from "./bots";
