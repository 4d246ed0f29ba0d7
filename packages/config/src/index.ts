export { loadConfig, configSchema, type AppConfig } from "./env";
