import { Tiktoken } from "js-tiktoken/lite";
import cl100k_base from "js-tiktoken/ranks/cl100k_base";

// Ranks ship inside js-tiktoken; getEncoding() from LangChain would fetch them over the network instead.
let encoder: Tiktoken | undefined;

/** cl100k_base token count: the unit chunk sizes and usage are measured in. */
export function countTokens(text: string): number {
  encoder ??= new Tiktoken(cl100k_base);
  // Empty disallow list: text that happens to contain "<|endoftext|>" is counted, not rejected.
  return encoder.encode(text, [], []).length;
}
