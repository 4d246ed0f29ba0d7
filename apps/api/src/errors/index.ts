export { onError } from "./on-error";
export { problemJson } from "./problem-response";
export { toAppError } from "./to-app-error";
export { validationHook } from "./validation-hook";
export { fieldsOf } from "./fields-of";
