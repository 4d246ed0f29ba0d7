export interface UseLiteTokenizer {
  /** Token ids of one text, as Universal Sentence Encoder lite's SentencePiece tokenizer gives them. */
  encode(text: string): number[];
}

export function createUseLiteTokenizer(vocabulary: ReadonlyArray<readonly [string, number]>): UseLiteTokenizer;

export function sparseBatch(encodings: ReadonlyArray<ReadonlyArray<number>>): { indices: Int32Array; values: Int32Array };
