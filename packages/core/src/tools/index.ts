export * from "./schemas";
export { listTools } from "./list-tools";
export { getBotTools, setBotTools } from "./bot-tools";
export { listToolCalls } from "./list-tool-calls";
export { executeTool, fallbackText } from "./execute-tool";
export { resolveBotTools, bindBotTools, runBotTool, type BoundTool } from "./resolve-bot-tools";
export { DEFAULT_TOOL_TIMEOUT_MS, ToolFailure, type ExecutableTool, type ToolCallScope, type ToolRunResult } from "./tool-types";
