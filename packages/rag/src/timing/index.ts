export * from "./time-spans";
