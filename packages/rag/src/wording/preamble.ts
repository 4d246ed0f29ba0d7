/**
 * What a visitor writes around the question: greetings ("Hi there,"), lead-ins that only announce it ("I was
 * wondering if", "quick question:", "could you tell me"), sentences that only say a question follows ("I have a
 * question."), and thanks after it. They share no word with the answer, and a lead-in hides the interrogative that
 * says what is asked ("hi, i was wondering can i park" opens with neither "can" nor a question). Context a visitor
 * gives ("I live in Delaware, which days can you come") is kept: it may be what the answer turns on.
 */

/**
 * Punctuation closing an opening: "Hi there," "Quick question:" "Sorry to bother you -". A hyphen counts only with a
 * space before it ("hi-vis" is a word).
 */
const AFTER = "(?:(?:\\s*[,:;.!?]+|\\s+[-–—]+|\\s*[–—]+)\\s*)";
/** Punctuation or a space: what may follow an opening that cannot be the question's own first words. */
const AFTER_OR_SPACE = `(?:${AFTER}|\\s+)`;

/**
 * Greetings at the start: "hi", "hello", "hey" (with whom they greet) end at punctuation or a space; words that
 * can also open a question ("morning appointments?", "evening classes?", "dear"), only at punctuation.
 */
const GREETING = new RegExp(
  `^(?:(?:hi+|hello+|hey+|hiya|howdy|heya|good (?:morning|afternoon|evening|day))(?:\\s+(?:there|all|everyone|everybody|folks|guys|team|again|friends))?${AFTER_OR_SPACE}` +
    `|(?:morning|afternoon|evening|greetings|yo|dear (?:sir(?:s| or madam)?|madam|team|all|\\p{L}+))${AFTER})`,
  "iu",
);

/**
 * Openings that only announce the question. Those ending in a verb of asking are followed by the question itself
 * (a space will do: "i was wondering can i park"); a clause with `if`/`whether` after them is the question ("i was
 * wondering if you are open" → "are you open", asQuestion). "Quick question" and the like only count before
 * punctuation ("question about parking" is no opening), "do you know" only before if/whether or a wh-word ("do you
 * know Arabic?" is the question).
 */
const LEAD_IN = new RegExp(
  "^(?:" +
    [
      `(?:sorry|apologies) (?:to bother you|for bothering you|if this is a silly question)(?:,? but)?${AFTER_OR_SPACE}`,
      `excuse me${AFTER}`,
      `(?:i have |i've got |i’ve got |got |just )?(?:a |one )?(?:quick |small |simple |little )?(?:question|query|one)(?: for you| please)?${AFTER}`,
      `(?:i (?:was|am|'m|’m) |im |just )?(?:just )?wonder(?:ing|ed)${AFTER_OR_SPACE}`,
      `(?:i (?:would|'d|’d) like|i (?:want|wanted|need|needed)|just wanted|wanted) to (?:know|ask|check|find out|enquire|inquire)${AFTER_OR_SPACE}`,
      `(?:can|could|would) (?:you|u) (?:please |pls |kindly )?(?:tell|let) me(?: know)?${AFTER_OR_SPACE}`,
      `(?:please|pls|kindly) (?:tell|let) me(?: know)?${AFTER_OR_SPACE}`,
      `(?:do|does) (?:you|u|anyone|any1|anybody) (?:know|happen to know)${AFTER_OR_SPACE}(?=(?:if|whether|what|when|where|which|who|how)\\b)`,
      `(?:can|could|may) i ask(?: you)?${AFTER_OR_SPACE}(?=(?:if|whether|what|when|where|which|who|how)\\b)`,
    ].join("|") +
    ")",
  "iu",
);

/** Thanks, sign-offs and smileys after the question. */
const CLOSING =
  /(?:[\s,.!?]+|^)(?:(?:many |thanks? )?thanks?(?: you)?(?: (?:so|very) much| a lot| in advance| again)?|thank you(?: (?:so|very) much| in advance)?|thx|ty|cheers|ta|much appreciated|regards|kind regards|best wishes|:\)|:-\)|🙂|😊|🙏)[\s.!?]*$/iu;

const SUBJECT = "i|you guys|you all|y['’]all|you|u|we|they|he|she|it|there";
const AUXILIARY = "am|are|is|can|could|will|would|should|shall|may|might|must|do|does|did|have|has|had";

/**
 * An `if`/`whether` clause after a lead-in, turned back into the question it stands for: "if you are open on
 * Saturday" → "are you open on Saturday", "whether i can park" → "can i park", "if you do X" → "do you do X", "if
 * you take Y" → "do you take Y". A clause of another shape is kept as it is, without its "if".
 */
export function asQuestion(clause: string): string {
  const opened = /^(?:if|whether)\s+(.*)$/iu.exec(clause);
  if (!opened) return clause;
  const rest = opened[1]!;
  const inverted = new RegExp(`^(${SUBJECT})\\s+(${AUXILIARY})(?:n['’]?t)?\\b\\s*(.*)$`, "iu").exec(rest);
  if (inverted) {
    const [, subject, auxiliary, tail] = inverted;
    // "if you do X": "do" is the main verb, which the question keeps ("do you do X").
    const verb = /^(?:do|does)$/iu.test(auxiliary!) && !/^(?:not|n['’]t)\b/iu.test(tail!) ? " do" : "";
    return `${auxiliary} ${subject}${verb}${tail ? ` ${tail}` : ""}`;
  }
  const plain = /^(i|you|u|we|they)\s+(\p{L}+)\b(.*)$/iu.exec(rest);
  if (plain) return `do ${plain[1]} ${plain[2]}${plain[3]}`;
  return rest;
}

/**
 * The question without greetings, announcing lead-ins, "I have a question." sentences and closing thanks.
 * Returns the text unchanged when nothing would be left (a message that is only "hi" or "thanks").
 */
export function stripPreamble(text: string): string {
  let rest = text.trim();
  for (let guard = 0; guard < 6; guard += 1) {
    const before = rest;
    rest = rest.replace(GREETING, "");
    const lead = LEAD_IN.exec(rest);
    if (lead) rest = asQuestion(rest.slice(lead[0].length));
    if (rest === before) break;
  }
  rest = rest.replace(CLOSING, "").trim();
  return rest === "" ? text.trim() : rest;
}
