/** Lower case without diacritics ("Écurie" → "ecurie", "Straße" keeps its ß): how answering compares words across typed and untyped accents. */
export const foldAccents = (text: string): string => text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
