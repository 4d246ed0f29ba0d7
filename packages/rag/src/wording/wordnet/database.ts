import { PARTS_OF_SPEECH, dataPath, indexPath, type PartOfSpeech } from "./files";

/**
 * WordNet in memory, compact: a synset is a small number (its place in the data files), a lemma's senses a list of
 * such numbers (× 2, + 1 when the sense was seen in WordNet's tagged corpus: the senses a reader meets; "book" has
 * 11 noun senses of which 4 were seen). Glosses are not kept. The files are scanned as bytes: no string is made but
 * the lemmas kept, so nothing keeps the files' text alive.
 */
export interface WordNetDatabase {
  /** Lemma (lower case, words of a phrase joined by "_") → its senses, nouns first, each part of speech most frequent first. */
  senses: Map<string, number[]>;
  /** Synset → its lemmas. */
  words: string[][];
  /** Synset → its part of speech (index into PARTS_OF_SPEECH). */
  pos: Uint8Array;
  /** Synset → its hypernyms ("@", "@i"): a broader synset one hop up. */
  hypernyms: (number[] | undefined)[];
  /** Synset → its derivationally related forms ("+"), each packed as (target synset × 256 + target word) × 256 + source word (1-based). */
  derivations: (number[] | undefined)[];
}

export function posOfSynset(database: WordNetDatabase, synset: number): PartOfSpeech {
  return PARTS_OF_SPEECH[database.pos[synset]!]!;
}

/** A sense packed as in WordNetDatabase.senses → its synset and whether it was seen in the tagged corpus. */
export function unpackSense(sense: number): { synset: number; tagged: boolean } {
  return { synset: sense >> 1, tagged: (sense & 1) === 1 };
}

/** Lines handled between two yields of the build: a few ms of work on a busy core. */
const LINES_PER_STEP = 5_000;

const SPACE = 32;
const NEWLINE = 10;
/** Part of speech letter (n, v, a, s = adjective satellite, r) → index into PARTS_OF_SPEECH. */
const POS_CODES: Record<number, number> = { 110: 0, 118: 1, 97: 2, 115: 2, 114: 3 };

/** Reads space-separated fields of one line of a buffer. */
class Fields {
  at: number;
  constructor(
    private readonly bytes: Buffer,
    from: number,
  ) {
    this.at = from;
  }
  /** The next field's [start, end), the cursor moved past it and its space. */
  next(): [number, number] {
    const start = this.at;
    let end = start;
    while (end < this.bytes.length && this.bytes[end] !== SPACE && this.bytes[end] !== NEWLINE) end += 1;
    this.at = end < this.bytes.length && this.bytes[end] === SPACE ? end + 1 : end;
    return [start, end];
  }
  number(radix = 10): number {
    const [start, end] = this.next();
    let value = 0;
    for (let index = start; index < end; index += 1) {
      const byte = this.bytes[index]!;
      value = value * radix + (byte <= 57 ? byte - 48 : (byte | 32) - 87);
    }
    return value;
  }
  text(): string {
    const [start, end] = this.next();
    return this.bytes.toString("latin1", start, end);
  }
  skip(count = 1): void {
    for (let index = 0; index < count; index += 1) this.next();
  }
}

/** Start of each line that is not the licence header (lines starting with spaces). */
function* lineStarts(bytes: Buffer): Generator<number> {
  let from = 0;
  while (from < bytes.length) {
    const end = bytes.indexOf(NEWLINE, from);
    const stop = end === -1 ? bytes.length : end;
    if (bytes[from] !== SPACE && stop > from) yield from;
    from = stop + 1;
  }
}

/**
 * Builds the database from the files (read by `read`), yielding every LINES_PER_STEP lines so that a warm-up can
 * leave the event loop to requests between steps; a synchronous load runs it to the end at once.
 */
export function* buildDatabase(read: (path: string) => Buffer): Generator<void, WordNetDatabase> {
  const interned = new Map<string, string>();
  const intern = (word: string) => {
    let known = interned.get(word);
    if (known === undefined) interned.set(word, (known = word));
    return known;
  };
  // Synsets are numbered in the order read; pointers name (offset, part of speech) until all are numbered.
  const idOf = new Map<number, number>();
  const keyOf = (offset: number, pos: number) => offset * 4 + pos;
  const words: string[][] = [];
  const posList: number[] = [];
  const hypernymKeys: (number[] | undefined)[] = [];
  const derivationKeys: (number[] | undefined)[] = [];
  let lines = 0;
  for (const [posIndex, pos] of PARTS_OF_SPEECH.entries()) {
    const bytes = read(dataPath(pos));
    for (const start of lineStarts(bytes)) {
      const fields = new Fields(bytes, start);
      const offset = fields.number();
      fields.skip(2);
      const id = words.length;
      idOf.set(keyOf(offset, posIndex), id);
      posList.push(posIndex);
      const wordCount = fields.number(16);
      const lemmas: string[] = [];
      for (let index = 0; index < wordCount; index += 1) {
        lemmas.push(intern(lemmaOf(fields.text())));
        fields.skip();
      }
      words.push(lemmas);
      const pointerCount = fields.number();
      let hypernyms: number[] | undefined;
      let derivations: number[] | undefined;
      for (let index = 0; index < pointerCount; index += 1) {
        const [symbolStart, symbolEnd] = fields.next();
        const first = bytes[symbolStart]!;
        const isHypernym = first === 64 && (symbolEnd - symbolStart === 1 || bytes[symbolStart + 1] === 105); // "@", "@i"
        const isDerivation = first === 43 && symbolEnd - symbolStart === 1; // "+"
        if (!isHypernym && !isDerivation) {
          fields.skip(3);
          continue;
        }
        const targetOffset = fields.number();
        const [posStart] = fields.next();
        const target = keyOf(targetOffset, POS_CODES[bytes[posStart]!]!);
        const sourceTarget = fields.number(16);
        if (isHypernym) (hypernyms ??= []).push(target);
        else (derivations ??= []).push((target * 256 + (sourceTarget & 255)) * 256 + (sourceTarget >> 8));
      }
      hypernymKeys.push(hypernyms);
      derivationKeys.push(derivations);
      if (++lines % LINES_PER_STEP === 0) yield;
    }
  }
  const hypernyms = hypernymKeys.map((list) => list?.map((key) => idOf.get(key)!));
  const derivations = derivationKeys.map((list) =>
    list?.map((packed) => {
      const source = packed % 256;
      const targetWord = Math.floor(packed / 256) % 256;
      return (idOf.get(Math.floor(packed / 65_536))! * 256 + targetWord) * 256 + source;
    }),
  );
  yield;
  const senses = new Map<string, number[]>();
  for (const [posIndex, pos] of PARTS_OF_SPEECH.entries()) {
    const bytes = read(indexPath(pos));
    for (const start of lineStarts(bytes)) {
      // lemma pos synset_cnt p_cnt (symbol)… sense_cnt tagsense_cnt (synset_offset)…
      const fields = new Fields(bytes, start);
      const lemma = intern(fields.text());
      fields.skip();
      const synsetCount = fields.number();
      const pointerCount = fields.number();
      fields.skip(pointerCount + 1);
      const tagged = fields.number();
      const known = senses.get(lemma) ?? [];
      for (let rank = 0; rank < synsetCount; rank += 1) known.push((idOf.get(keyOf(fields.number(), posIndex))! << 1) | (rank < tagged ? 1 : 0));
      senses.set(lemma, known);
      if (++lines % LINES_PER_STEP === 0) yield;
    }
  }
  return { senses, words, pos: Uint8Array.from(posList), hypernyms, derivations };
}

/** A lemma as kept: lower case, an adjective's position marker ("(p)", "(a)", "(ip)") dropped. */
function lemmaOf(word: string): string {
  const marker = word.endsWith(")") ? word.lastIndexOf("(") : -1;
  return (marker > 0 ? word.slice(0, marker) : word).toLowerCase();
}
