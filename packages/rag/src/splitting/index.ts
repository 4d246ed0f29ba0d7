export { splitText, type SplitOptions, type TextChunk } from "./split-text";
export { countTokens } from "./count-tokens";
