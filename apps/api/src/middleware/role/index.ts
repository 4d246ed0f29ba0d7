export { openApiRouteOf, roleGate } from "./role-gate";
