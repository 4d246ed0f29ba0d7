export { ExtractionSandbox, extractionSandbox, type SandboxLimits } from "./extraction-sandbox";
export { inThreadReader, type ContentReader } from "./content-reader";
