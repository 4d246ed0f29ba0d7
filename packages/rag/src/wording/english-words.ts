import { readFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import wordListPath from "word-list";

/**
 * English words (the `word-list` package: 274,000 words, lower case, no names): a word a visitor typed that is one
 * of them is a word, not a typo, even when the knowledge base lacks it ("flooding" is no slip of "flooring",
 * "hiring" none of "hireing", "cheapest" none of "cheaper"). Read once (~2.7 MB of text, ~20 MB as a set, ~1.7 s
 * on a busy machine): by warmEnglishWords when the API starts, else on the first question holding a word the
 * knowledge base lacks with a word of it near. Other languages have no such list here: their words the knowledge
 * base lacks are guarded only by the slip rules.
 */
let words: ReadonlySet<string> | undefined;
/** Times the list was read into a set: 1 for the life of a process, whoever read it first. */
let reads = 0;
let warming: Promise<void> | undefined;

export function isEnglishWord(word: string): boolean {
  if (!words) {
    reads += 1;
    words = new Set(readFileSync(wordListPath, "utf8").split("\n"));
  }
  return words.has(word);
}

/** Words added to the set between two turns of the event loop while warming: a few ms of work each on a busy core. */
const WARM_BATCH = 5_000;

/**
 * Reads the word list in the background so the first visitor with a typo does not wait for it: the file
 * asynchronously, then the words cut out and added in batches that leave the event loop to requests in between
 * (one `split` of the whole text alone holds it for 0.4–0.8 s at load 33; in batches the longest hold measured is 0.08–0.19 s, against 0.9–1.3 s for the synchronous first read). Calling it again is free; a question
 * that needs the list before the warm-up ends reads it itself, and the warm-up then stops.
 */
export function warmEnglishWords(): Promise<void> {
  warming ??= (async () => {
    if (words) return;
    const text = await readFile(wordListPath, "utf8");
    const set = new Set<string>();
    let from = 0;
    while (from < text.length) {
      if (words) return;
      for (let added = 0; added < WARM_BATCH && from < text.length; added += 1) {
        const end = text.indexOf("\n", from);
        const stop = end === -1 ? text.length : end;
        set.add(text.slice(from, stop));
        from = stop + 1;
      }
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    if (words) return;
    reads += 1;
    words = set;
  })();
  return warming;
}

/** Whether the list is in memory and how many times it was read (what the warm-up's test checks). */
export function englishWordsStatus(): { loaded: boolean; reads: number } {
  return { loaded: words !== undefined, reads };
}
