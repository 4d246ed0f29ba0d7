// Types for the parts of stopword (untyped since v3) that text-analysis.ts uses: per-language word lists.
declare module "stopword" {
  export const ara: string[];
  export const deu: string[];
  export const eng: string[];
  export const fra: string[];
  export const ita: string[];
  export const nld: string[];
  export const por: string[];
  export const rus: string[];
  export const spa: string[];
}
