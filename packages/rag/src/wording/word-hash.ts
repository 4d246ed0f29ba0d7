/** FNV-1a over the UTF-16 code units of a folded word: how the word lists here keep their words (sorted 32-bit hashes). */
export function wordHash(word: string): number {
  let hash = 0x811c9dc5;
  for (let at = 0; at < word.length; at += 1) {
    hash ^= word.charCodeAt(at);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}
