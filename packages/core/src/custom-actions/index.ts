export * from "./schemas";
export {
  createCustomAction,
  deleteCustomAction,
  getCustomAction,
  listCustomActions,
  updateCustomAction,
} from "./custom-action-crud";
export { loadCustomActionForInvoke, type InvokableCustomAction } from "./load-for-invoke";
export { invokeCustomAction, type InvokeOptions } from "./invoke-custom-action";
export { ActionFileError, fileCustomActions, fileCustomActionsFor, loadActionFiles, type FileCustomAction } from "./file-actions";
export { validateArguments } from "./validate-arguments";
