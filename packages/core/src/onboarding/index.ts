export { firstRunChecklist, type FirstRunChecklist, type FirstRunStep } from "./first-run-checklist";
