/// <reference path="./stopword.d.ts" />
import { ara, eng, fra, ita, nld, por, spa } from "stopword";

// Function words of the languages front desks most often serve. The package's English list is short, so
// question words and chat fillers are added.
const extra = "when why does doesn don dont will shall may just whom whose please tell know want need let hi hello thanks";

// German: Snowball's list (function words only). The package's German list (621 words) also holds numbers and
// content words ("neue", "zwei", "drei", "zeit", "teil", "lange", "elf"), which questions need. In memory, the package's
// lists cost the German man pages 0.013 nDCG@10 against keeping every word; this list wins back 0.004 and changes no
// Cranfield, Spanish or French question (bench/README.md, "CJK bigrams and German stop words").
const deu =
  "aber alle allem allen aller alles als also am an ander andere anderem anderen anderer anderes anderm andern anderr anders auch auf aus bei bin bis bist da damit dann der den des dem die das dass daß derselbe derselben denselben desselben demselben dieselbe dieselben dasselbe dazu dein deine deinem deinen deiner deines denn derer dessen dich dir du dies diese diesem diesen dieser dieses doch dort durch ein eine einem einen einer eines einig einige einigem einigen einiger einiges einmal er ihn ihm es etwas euer eure eurem euren eurer eures für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich mich mir ihr ihre ihrem ihren ihrer ihres euch im in indem ins ist jede jedem jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem keinen keiner keines können könnte machen man manche manchem manchen mancher manches mein meine meinem meinen meiner meines mit muss musste nach nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner seines selbst sich sie ihnen sind so solche solchem solchen solcher solches soll sollte sondern sonst über um und uns unsere unserem unseren unser unseres unter viel vom von vor während war waren warst was weg weil weiter welche welchem welchen welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen wollte würde würden zu zum zur zwar zwischen";

// A lone Latin letter ("v", "x", "b") says little in a question and matches every chunk holding a list, a variable or
// an initial; the package's German list held all 26, so questions kept dropping them.
const letters = [..."abcdefghijklmnopqrstuvwxyz"];

const withoutMarks = (word: string) => word.normalize("NFKD").replace(/\p{M}+/gu, "").normalize("NFC");

/**
 * Lowercase stop words, each with and without diacritics (so "qué" and "que" both match), for dropping words
 * that carry no meaning from questions before full-text matching.
 */
export const stopwords: ReadonlySet<string> = new Set(
  [eng, spa, fra, deu.split(" "), por, ita, nld, ara, letters, extra.split(" ")].flatMap((list) =>
    list.flatMap((word) => {
      const lower = word.toLowerCase().normalize("NFC");
      return [lower, withoutMarks(lower)];
    }),
  ),
);

/**
 * The same function words by language, for telling which language a question is written in (question-language.ts):
 * the languages a localized reply exists for.
 */
export const functionWordsByLanguage = {
  en: [...eng, ...extra.split(" ")],
  de: deu.split(" "),
  fr: fra,
  es: spa,
  it: ita,
  nl: nld,
  pt: por,
} as const satisfies Record<string, readonly string[]>;
