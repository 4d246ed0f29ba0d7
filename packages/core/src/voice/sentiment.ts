export type UserSentiment = "frustrated" | "negative" | "neutral" | "positive";

// A small lexicon is enough to flag a call for the owner in real time; the end-of-call analysis can refine it.
const frustrated = [
  /\b(ridiculous|unacceptable|useless|waste of (my )?time|fed up|sick of|frustrat\w*|furious|absurd)\b/i,
  /\b(real|actual|live) (person|human)\b/i,
  /\b(speak|talk) (to|with) (a|an|someone|somebody) ?(human|person|manager|supervisor)?\b/i,
  /\b(third|3rd|fourth|again and again|how many times)\b/i,
  /\bnot listening\b/i,
];
const negative = [/\b(not happy|unhappy|disappointed|annoyed|terrible|awful|bad|wrong|doesn'?t work|broken|problem|complain\w*|angry|upset)\b/i];
const positive = [/\b(thank(s| you)|great|perfect|awesome|excellent|wonderful|appreciate|helpful|lovely|brilliant)\b/i];

function scoreLine(line: string): UserSentiment {
  if (frustrated.some((pattern) => pattern.test(line))) return "frustrated";
  if (negative.some((pattern) => pattern.test(line))) return "negative";
  if (positive.some((pattern) => pattern.test(line))) return "positive";
  return "neutral";
}

/**
 * The caller's mood from their recent final lines, most recent weighing most: frustration in the last three lines
 * wins (it is what the owner must act on), otherwise the latest line that is not neutral.
 */
export function classifySentiment(callerLines: readonly string[]): UserSentiment {
  const recent = callerLines.slice(-3).map(scoreLine);
  if (recent.includes("frustrated")) return "frustrated";
  for (let i = recent.length - 1; i >= 0; i -= 1) if (recent[i] !== "neutral") return recent[i]!;
  return "neutral";
}
