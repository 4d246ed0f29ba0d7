import { PARTS_OF_SPEECH, dataPath, indexPath, type PartOfSpeech } from "./files";

/**
 * WordNet in memory, compact: a synset is a small number (its place in the data files), a lemma too (its place in
 * the sorted lemma table), and every list (a lemma's senses, a synset's lemmas, hypernyms, derivations) is a slice
 * of one flat typed array, so the ~118 000 synsets and ~150 000 lemmas cost a few typed arrays and one string per
 * lemma (~70 MB of heap as maps and nested arrays, ~10 MB this way). A sense is packed × 2, + 1 when it was seen in
 * WordNet's tagged corpus (the senses a reader meets; "book" has 11 noun senses of which 4 were seen). Glosses are
 * not kept. The files are scanned as bytes: no string is made but the lemmas kept, so nothing keeps the files' text alive.
 */
export class WordNetDatabase {
  constructor(
    /** Every lemma (lower case, words of a phrase joined by "_"), sorted: a lemma's number is its place here. */
    private readonly lemmas: readonly string[],
    /** Lemma → its senses, nouns first, each part of speech most frequent first: senses[senseStart[l], senseStart[l + 1]). */
    private readonly senseStart: Int32Array,
    private readonly senses: Int32Array,
    /** Synset → its lemmas (numbers), in the synset's order. */
    private readonly wordStart: Int32Array,
    private readonly wordLemmas: Int32Array,
    /** Synset → its part of speech (index into PARTS_OF_SPEECH). */
    readonly pos: Uint8Array,
    /** Synset → its hypernyms ("@", "@i"): a broader synset one hop up. */
    private readonly hypernymStart: Int32Array,
    private readonly hypernymSynsets: Int32Array,
    /** Synset → its derivationally related forms ("+"): target synset, target word and source word (1-based). */
    private readonly derivationStart: Int32Array,
    private readonly derivationSynsets: Int32Array,
    private readonly derivationWords: Uint8Array,
  ) {}

  get synsetCount(): number {
    return this.pos.length;
  }

  get lemmaCount(): number {
    return this.lemmas.length;
  }

  /** A lemma's senses, packed (see unpackSense); none for a lemma WordNet does not list. */
  sensesOf(lemma: string): number[] {
    const id = this.lemmaId(lemma);
    return id < 0 ? [] : Array.from(this.senses.subarray(this.senseStart[id]!, this.senseStart[id + 1]!));
  }

  /** A synset's lemmas, in its order (a derivation's word numbers count in it from 1). */
  wordsOf(synset: number): string[] {
    if (synset < 0 || synset >= this.synsetCount) return [];
    const words: string[] = [];
    for (let at = this.wordStart[synset]!; at < this.wordStart[synset + 1]!; at += 1) words.push(this.lemmas[this.wordLemmas[at]!]!);
    return words;
  }

  hypernymsOf(synset: number): number[] {
    return Array.from(this.hypernymSynsets.subarray(this.hypernymStart[synset]!, this.hypernymStart[synset + 1]!));
  }

  /** A synset's derivationally related forms: from its `sourceWord`-th lemma to the `targetWord`-th of `target` (1-based). */
  derivationsOf(synset: number): { target: number; targetWord: number; sourceWord: number }[] {
    const found: { target: number; targetWord: number; sourceWord: number }[] = [];
    for (let at = this.derivationStart[synset]!; at < this.derivationStart[synset + 1]!; at += 1) {
      found.push({ target: this.derivationSynsets[at]!, targetWord: this.derivationWords[2 * at]!, sourceWord: this.derivationWords[2 * at + 1]! });
    }
    return found;
  }

  /** A lemma's number, or -1: binary search of the sorted table (code unit order, as Array.prototype.sort's). */
  private lemmaId(lemma: string): number {
    let low = 0;
    let high = this.lemmas.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const found = this.lemmas[middle]!;
      if (found === lemma) return middle;
      if (found < lemma) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }
}

export function posOfSynset(database: WordNetDatabase, synset: number): PartOfSpeech {
  return PARTS_OF_SPEECH[database.pos[synset]!]!;
}

/** A sense packed as in WordNetDatabase.sensesOf → its synset and whether it was seen in the tagged corpus. */
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
  yield;
  return yield* pack({ lemmas: [...interned.keys()].sort(), senses, words, pos: posList, hypernyms, derivations });
}

/** The lists as read, keyed and nested (the build's working form). */
interface ReadLists {
  lemmas: string[];
  senses: Map<string, number[]>;
  words: string[][];
  pos: number[];
  hypernyms: (number[] | undefined)[];
  /** Packed as (target synset × 256 + target word) × 256 + source word. */
  derivations: (number[] | undefined)[];
}

/** Lists packed between two yields of the packing. */
const LISTS_PER_STEP = 20_000;

/**
 * Each list of lists as one flat array (each item as `value` gives it) and the start of each list in it (and the
 * end of the last), yielding every LISTS_PER_STEP lists.
 */
function* flatten<T>(lists: readonly (readonly T[] | undefined)[], value: (item: T) => number): Generator<void, { start: Int32Array; items: Int32Array }> {
  const start = new Int32Array(lists.length + 1);
  lists.forEach((list, index) => (start[index + 1] = start[index]! + (list?.length ?? 0)));
  const items = new Int32Array(start[lists.length]!);
  for (let index = 0; index < lists.length; index += 1) {
    lists[index]?.forEach((item, at) => (items[start[index]! + at] = value(item)));
    if ((index + 1) % LISTS_PER_STEP === 0) yield;
  }
  return { start, items };
}

function* pack(read: ReadLists): Generator<void, WordNetDatabase> {
  const lemmaIds = new Map(read.lemmas.map((lemma, id) => [lemma, id]));
  yield;
  const senses = yield* flatten(
    read.lemmas.map((lemma) => read.senses.get(lemma)),
    (sense) => sense,
  );
  const words = yield* flatten(read.words, (lemma) => lemmaIds.get(lemma)!);
  const hypernyms = yield* flatten(read.hypernyms, (synset) => synset);
  const derivations = yield* flatten(read.derivations, (packed) => Math.floor(packed / 65_536));
  const derivationWords = new Uint8Array(derivations.items.length * 2);
  let at = 0;
  for (const list of read.derivations) {
    for (const packed of list ?? []) {
      derivationWords[2 * at] = Math.floor(packed / 256) % 256;
      derivationWords[2 * at + 1] = packed % 256;
      at += 1;
    }
  }
  return new WordNetDatabase(
    read.lemmas,
    senses.start,
    senses.items,
    words.start,
    words.items,
    Uint8Array.from(read.pos),
    hypernyms.start,
    hypernyms.items,
    derivations.start,
    derivations.items,
    derivationWords,
  );
}

/** A lemma as kept: lower case, an adjective's position marker ("(p)", "(a)", "(ip)") dropped. */
function lemmaOf(word: string): string {
  const marker = word.endsWith(")") ? word.lastIndexOf("(") : -1;
  return (marker > 0 ? word.slice(0, marker) : word).toLowerCase();
}
