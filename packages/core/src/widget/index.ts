export { resolveWidgetContext, type WidgetRequest } from "./resolve-widget-context";
export { getWidgetConfig, widgetConfigSchema, type WidgetConfig } from "./get-widget-config";
