// Types for the parts of wink-bm25-text-search (untyped CommonJS) that bm25.ts uses.
declare module "wink-bm25-text-search" {
  interface WinkBm25Config {
    fldWeights: Record<string, number>;
    bm25Params?: { k1?: number; b?: number; k?: number };
    ovFldNames?: string[];
  }
  interface WinkBm25Engine {
    defineConfig(config: WinkBm25Config): boolean;
    definePrepTasks(tasks: Array<(input: string) => string[]>, field?: string): number;
    addDoc(doc: Record<string, string>, id: string): number;
    consolidate(precision?: number): boolean;
    search(text: string, limit?: number): Array<[string, number]>;
  }
  function bm25(): WinkBm25Engine;
  export default bm25;
}
