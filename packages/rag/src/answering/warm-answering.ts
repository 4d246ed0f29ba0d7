import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { readVisitorQuestion } from "../wording/visitor-question";
import { answerQuestion } from "./answer-question";
import type { AnswerSource } from "./types";

/**
 * A few made-up passages and questions in the languages answered, one or more per kind of fact (price, time,
 * duration, frequency, person, place, phone, quantity, age, distance), yes/no and wh-questions, a table, chat
 * spelling and a question nothing answers: enough to take every common path of an extractive answer once.
 */
const PASSAGES: readonly string[] = [
  "# Opening hours\nWe are open Monday to Friday 8:00–18:00 and Saturday 9am to 1pm. Closed on Sundays and bank holidays.",
  "# Prices\nA check-up costs £45. Children under 12 are seen free of charge. Students get a 10% discount.\n\n| Treatment | Price |\n|---|---|\n| Whitening | £250 |\n| Filling | from £90 |",
  "# Our team\nDr Anna Lee is our lead dentist. Our receptionist, Tom Hart, answers the phone. She founded the practice in 2009.",
  "# Finding us\nWe are at 14 Oak Street, next to the car park, a 5-minute walk from the station. Parking is free for patients.",
  "# Contact\nCall us on 020 7946 0123 or email hello@example.com. An appointment takes 30 minutes; we recommend a check-up every 6 months.",
  "# Groups\nGroups of up to 8 people can book together. The minimum age is 16. Cancel at least 24 hours in advance.",
  "Le camping est ouvert d'avril à octobre. La réception est ouverte de 8h à 20h. Un emplacement coûte 25 € par nuit. Les chiens sont acceptés.",
  "La academia abre de lunes a viernes de 9:00 a 21:00. El curso cuesta 120 euros al mes. Estamos en la Calle Mayor 3. Hay un 15 % de descuento para estudiantes.",
  "Wir haben Montag bis Freitag von 9 bis 18 Uhr geöffnet. Ein Haarschnitt kostet 35 €. Sie finden uns in der Hauptstraße 12. Parkplätze gibt es im Hof.",
];

export const WARMING_QUESTIONS: readonly string[] = [
  "How much is a check-up?",
  "When are you open on Saturday?",
  "Who is the dentist?",
  "Who founded the practice?",
  "Where are you located?",
  "What is your phone number?",
  "How long does an appointment take?",
  "How often should I come for a check-up?",
  "How old do I have to be?",
  "How far is the station?",
  "How many people can book together?",
  "How late can I cancel?",
  "Do you do whitening?",
  "Is parking free?",
  "Do students get a discount?",
  "Do you sell pet food?",
  "hi, r u open on sun?",
  "Combien coûte un emplacement ?",
  "Quand est-ce que la réception est ouverte ?",
  "Est-ce qu'on peut venir avec un chien ?",
  "¿Cuánto cuesta el curso?",
  "¿Dónde estáis?",
  "¿Hay descuentos?",
  "Was kostet ein Haarschnitt?",
  "Wann habt ihr geöffnet?",
  "Gibt es Parkplätze?",
];

/** Dimensions of warmingEmbeddings' vectors: any size does; the local model's are not needed. */
const DIMENSIONS = 16;

/**
 * Vectors made from a text's characters, not by a model: warming runs the answering code, not the model, and every
 * vector cache is kept per embeddings object (query-vector-cache.ts, sentence-vectors.ts, word-neighbours.ts), so
 * these vectors never reach a real answer.
 */
function warmingEmbeddings(): EmbeddingsInterface {
  const vectorOf = (text: string) => {
    const vector = new Array<number>(DIMENSIONS).fill(0);
    for (let index = 0; index < text.length; index += 1) vector[index % DIMENSIONS]! += (text.charCodeAt(index) % 31) / 31;
    return vector;
  };
  return {
    embedQuery: async (text: string) => vectorOf(text),
    embedDocuments: async (texts: string[]) => texts.map(vectorOf),
  };
}

let warming: Promise<void> | undefined;

/**
 * Answers the made-up questions above once, extractively, and throws the answers away. A process's first answers
 * pay for compiling the answering code's several hundred regular expressions and for the JIT's first passes (this
 * costs ~1 s of CPU; without it harbor-dental's 26 questions in a fresh process cost ~30 ms of CPU an answer more);
 * the API server calls this at start, after WordNet is read, so no visitor's question pays it. Every memo the
 * answering code keeps is a pure function of its texts, so answers afterwards are the same as without it.
 */
export function warmAnswering(): Promise<void> {
  warming ??= (async () => {
    const embeddings = warmingEmbeddings();
    const hits: AnswerSource[] = PASSAGES.map((content, index) => ({ chunkId: `warm-${index}`, documentId: `warm-${index}`, documentTitle: "Warm-up", content, score: 1 - index / 100 }));
    for (const question of WARMING_QUESTIONS) {
      const read = readVisitorQuestion(question);
      for await (const event of answerQuestion({ question: read, history: [], hits, systemPrompt: "", chatModel: null, embeddings })) void event;
    }
  })();
  return warming;
}
