export { commonRelation, dominantRelation, namesKindOf, senseCount, siblingKinds, warmWordNet, wordNetStatus, wordNetBaseForms, relatedLemmas, wordNetRelation, type RelatedOptions, type WordNetRelation } from "./wordnet";
export type { BaseForm } from "./morphology";
export type { PartOfSpeech } from "./files";
