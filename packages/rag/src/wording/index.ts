export { expandChatSpeak } from "./chat-speak";
export { asQuestion, stripPreamble } from "./preamble";
export { correctSpelling, correctWord, oneSlipAway, slipDistance, type SpellingCorrection, type VocabularyLookup, type VocabularyTerm } from "./spelling";
export { vocabularyNear } from "./kb-vocabulary";
export { readVisitorQuestion } from "./visitor-question";
export { englishWordsStatus, warmEnglishWords } from "./english-words";
export { warmLanguageWords } from "./language-words";
export { dominantRelation, relatedLemmas, warmWordNet, wordNetBaseForms, wordNetRelation, wordNetStatus, type BaseForm, type PartOfSpeech, type RelatedOptions, type WordNetRelation } from "./wordnet";
