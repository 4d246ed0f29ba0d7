import { normalizeSearchText } from "@frontdesk/rag";

/**
 * A visitor telling the bot its last answer missed ("that's not what I asked", "eso no es lo que pregunté").
 * Matched on the folded text (lower case, no accents, no punctuation), English and Spanish.
 */
const REJECTIONS: readonly RegExp[] = [
  /\b(that s|that is|thats|this is|this s|it s|its) not what i (asked|meant|wanted|was asking|need)/,
  /\bnot what i (asked|meant|was asking)( for)?\b/,
  /\b(that|this|it) (doesn t|does not|didn t|did not) (answer|help|address)( my question)?\b/,
  /\byou (didn t|did not|haven t|have not) answer(ed)?( my question| me)?\b/,
  /\b(wrong|unhelpful|irrelevant) answer\b/,
  /\bthat (didn t|did not) help\b/,
  /\bi didn t ask (that|about that|for that)\b/,
  /\b(eso|esto) no es lo que (pregunte|preguntaba|quise decir|queria|necesito)\b/,
  /\bno es lo que (pregunte|preguntaba|quise decir)\b/,
  /\bno (respondiste|contestaste|has respondido|has contestado|responde|contesta)( a)?( mi pregunta)?\b/,
  /\b(eso|esto) no (me )?(sirve|ayuda|ayudo|responde)\b/,
  /\brespuesta (incorrecta|equivocada)\b/,
  /\byo no pregunte (eso|por eso)\b/,
];

export function fold(text: string): string {
  return (normalizeSearchText(text.toLowerCase().replace(/[’']/g, " ")).match(/[\p{L}\p{N}]+/gu) ?? []).join(" ");
}

export function isVisitorRejection(message: string): boolean {
  const folded = fold(message);
  return REJECTIONS.some((pattern) => pattern.test(folded));
}
