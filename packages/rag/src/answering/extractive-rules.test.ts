import { SyntheticEmbeddings } from "@langchain/core/utils/testing";
import { describe, expect, it } from "vitest";
import { splitAnswerUnits } from "./answer-units";
import { answerQuestion } from "./answer-question";
import { composeExtractiveAnswer, NOT_FOUND_ANSWER, topicWords, type SentenceMeaning } from "./extractive-answer";
import { answerTypeOf, asksForShare, asksIfFree, fitsAnswerType, statesContactFor, statesOnlyDiscount, statesOnlyFree, statesTypeWord } from "./question-type";
import { isYesNoQuestion } from "./extractive-answer";
import { hasTerm, phraseShare, sameStem, topicPhrases, unknownTerms, wordsOf } from "./score-units";
import { embedForAnswer } from "./sentence-vectors";
import { NOT_FOUND_REPLIES } from "./not-found-reply";
import { contentTerms } from "./text-analysis";
import { embedSentenceVectors } from "./embed-sentence-vectors";
import { weighWords, weighWordsAloneAndTogether, weighWordsTogether, withoutWord } from "./question-focus";
import type { EmbeddingsInterface } from "@langchain/core/embeddings";
import { answerSource } from "./answer-test-fixtures";

// One rule per test, on hand-made passages; `meaning` stands in for sentence vectors where a rule needs them.

const source = answerSource;

/** Sentence similarities given by substring: the first pattern a sentence (with its context) contains. */
const meaningOf = (table: Array<[string, number]>, fallback = 0.1): SentenceMeaning => ({
  similarity: (unit) => table.find(([part]) => `${unit.context ?? ""} ${unit.text}`.includes(part))?.[1] ?? fallback,
});

describe("extractive answers", () => {
  it("answers an FAQ entry with its answer, never its question", () => {
    const faq = source("faq", "Q: Do you offer teeth whitening?\nA: Yes, in-office whitening takes 90 minutes and costs 290 euros.");
    const { content, citations } = composeExtractiveAnswer("Do you offer teeth whitening?", [faq]);
    expect(content).toBe("Yes, in-office whitening takes 90 minutes and costs 290 euros. [1]");
    expect(content).not.toContain("Do you offer");
    expect(citations.map((citation) => citation.chunkId)).toEqual(["chunk-faq"]);

    // The same for a Markdown FAQ whose questions are headings, and for bare question lines.
    const markdown = source("md", "## Do you treat horses?\nNo, we only treat people.\n\n## Do you treat children?\nYes, from the age of 8.");
    expect(composeExtractiveAnswer("Do you treat horses?", [markdown]).content).toBe("No, we only treat people. [1]");
    const bare = source("bare", "Can I pay by card?\nYes, all cards are accepted.\n\nIs there parking?\nThe Quayside garage is next door.");
    expect(composeExtractiveAnswer("Is there parking?", [bare]).content).toBe("The Quayside garage is next door. [1]");
  });

  it("prefers the sentence stating the kind of fact asked for: a price, a time, a person, a place, a duration", () => {
    expect(["How much is a first visit?", "What does an implant cost?"].map(answerTypeOf)).toEqual(["price", "price"]);
    expect(answerTypeOf("When are you open on Fridays?")).toBe("time");
    expect(answerTypeOf("How long does a cleaning take?")).toBe("duration");
    expect(answerTypeOf("How often should I come?")).toBe("frequency");
    expect(answerTypeOf("Who places implants?")).toBe("person");
    expect(answerTypeOf("Where can I park?")).toBe("place");
    expect(answerTypeOf("Do you treat horses?")).toBeNull();
    expect(fitsAnswerType("price", "It costs 60 euros.")).toBe(true);
    expect(fitsAnswerType("price", "It takes forty minutes.")).toBe(false);
    expect(fitsAnswerType("duration", "It takes forty minutes.")).toBe(true);
    expect(fitsAnswerType("time", "Saturday 09:00 to 13:00")).toBe(true);
    expect(fitsAnswerType("person", "Dr Lucia Ferrer places implants.")).toBe(true);

    // Both sentences share the question's words equally; the one with a price answers "how much".
    const cleaning = source("hygiene", "## Team\nA cleaning is done by our hygienist in the quiet room.\n\n## Prices\nA cleaning costs 70 euros.");
    expect(composeExtractiveAnswer("How much is a cleaning?", [cleaning], {}, meaningOf([], 0.3)).content).toBe("Prices: A cleaning costs 70 euros. [1]");
    expect(composeExtractiveAnswer("Who does a cleaning?", [source("who", "## Prices\nA cleaning costs 70 euros.\n\n## Team\nA cleaning is done by Marta Vidal, our hygienist.")], {}, meaningOf([], 0.3)).content).toBe(
      "Team: A cleaning is done by Marta Vidal, our hygienist. [1]",
    );
  });

  it("chooses by meaning when the words do not match", () => {
    const policies = source("policies", "Children under 14 must be accompanied by an adult.\nWe offer sedation for anxious patients.");
    const meaning = meaningOf([
      ["sedation", 0.62],
      ["Children", 0.2],
    ]);
    expect(composeExtractiveAnswer("I'm scared, can you help?", [policies], {}, meaning).content).toBe("We offer sedation for anxious patients. [1]");
  });

  it("keeps the heading a sentence sits under when the sentence does not say it", () => {
    const hours = source("hours", "# Harbor Lights\n\n## Opening hours\n- Monday to Friday 08:00 to 18:00\n- Saturday 09:00 to 13:00\n\n## Parking\nPark in the Quayside garage.");
    const saturday = composeExtractiveAnswer("Are you open on Saturday?", [hours], {}, meaningOf([["Saturday", 0.5]]));
    expect(saturday.content).toBe("Opening hours: Saturday 09:00 to 13:00 [1]");
    expect(saturday.citations[0]!.snippet).toContain("Opening hours: Saturday 09:00 to 13:00");
    // A plain-text title line works as a heading too; a heading the sentence already states is not repeated.
    const team = source("team", "Our dentists\n\nDr Omar Haddad does braces and aligners.\n\nParking\n\nThe garage has parking for patients.");
    expect(splitAnswerUnits(team.content).map((unit) => unit.context)).toEqual(["Our dentists", "Parking"]);
    expect(composeExtractiveAnswer("Who does braces?", [team], {}, meaningOf([["braces", 0.5]])).content).toBe("Our dentists: Dr Omar Haddad does braces and aligners. [1]");
    expect(composeExtractiveAnswer("Is there parking?", [team], {}, meaningOf([["garage", 0.5]])).content).toBe("The garage has parking for patients. [1]");
  });

  it("declines, citing nothing, when no sentence answers — even if a retrieved passage shares a word", () => {
    const clinic = source("clinic", "## Children\nWe treat children from the age of 8.\n\n## Whitening\nWhitening costs 290 euros.", { vectorScore: 0.35 });
    const horses = composeExtractiveAnswer("Do you treat horses?", [clinic], {}, meaningOf([["treat", 0.15]], 0.15));
    expect(horses).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    const wifi = composeExtractiveAnswer("What is the wifi password?", [clinic], {}, meaningOf([], 0.2));
    expect(wifi).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // The same passage answers what it does hold.
    expect(composeExtractiveAnswer("From what age do you treat children?", [clinic], {}, meaningOf([["age of 8", 0.55]], 0.15)).content).toBe(
      "We treat children from the age of 8. [1]",
    );
  });

  it("embeds the sentences once, takes the question's vector from retrieval's query cache, and answers repeated questions from its cache", async () => {
    const embeddings = new SyntheticEmbeddings({ vectorSize: 16 });
    let calls = 0;
    const original = embeddings.embedDocuments.bind(embeddings);
    embeddings.embedDocuments = async (texts: string[]) => {
      calls += 1;
      return original(texts);
    };
    const first = await embedForAnswer(embeddings, "When do you open?", ["We open at 9.", "We close at 5."]);
    const second = await embedForAnswer(embeddings, "When do you open?", ["We close at 5.", "We open at 9."]);
    expect(calls).toBe(1);
    expect(second.texts).toEqual([first.texts[1], first.texts[0]]);
    expect(second.question).toEqual(first.question);

    // answerQuestion passes sentence vectors to the extractive answer when given embeddings.
    const hit = source("hours", "## Opening hours\nWe open at 9 on weekdays.");
    const events = [];
    for await (const event of answerQuestion({ question: "When do you open?", history: [], hits: [hit], systemPrompt: "", chatModel: null, embeddings })) events.push(event);
    expect(events.at(-1)).toMatchObject({ type: "done", content: "Opening hours: We open at 9 on weekdays. [1]" });
  });

  it("matches forms of a word by their endings, never a longer word that starts the same", () => {
    expect(sameStem("cleaned", "cleaning")).toBe(true);
    expect(sameStem("service", "servicing")).toBe(true);
    expect(sameStem("regas", "regassing")).toBe(true);
    expect(sameStem("motors", "motorbike")).toBe(false);
    expect(sameStem("breakdowns", "break")).toBe(false);
    expect(hasTerm(["implants"], "implant")).toBe(true);
    // "Oak Street Motors" is not an answer to a motorbike question.
    const about = source("about", "## About us\nOak Street Motors is an independent family garage founded in 1998.");
    expect(composeExtractiveAnswer("Can you fix my motorbike?", [about], {}, meaningOf([], 0.28))).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
  });

  it("reads 'once a year' as a frequency, not a duration", () => {
    expect(fitsAnswerType("duration", "A full service takes about three hours.")).toBe(true);
    expect(fitsAnswerType("duration", "We recommend a full service every 12,000 miles or once a year.")).toBe(false);
    expect(fitsAnswerType("duration", "Regas every two years; it takes an hour.")).toBe(true);
    expect(fitsAnswerType("frequency", "We recommend a full service once a year.")).toBe(true);
    const servicing = source("servicing", "## Servicing\nWe recommend a full service once a year.\nA full service takes about three hours.");
    expect(composeExtractiveAnswer("How long does a full service take?", [servicing], {}, meaningOf([], 0.4)).content).toBe(
      "A full service takes about three hours. [1]",
    );
  });

  it("reads 'what is your address' as a place question, answered by a street address", () => {
    expect(answerTypeOf("What is your address?")).toBe("place");
    expect(statesTypeWord("place", "address", "We are at 14 Oak Street, Bristol BS3 4RT.")).toBe(true);
    expect(statesTypeWord("place", "address", "Collection within 5 miles of the garage.")).toBe(false);
    const garage = source("garage", "## While you wait\nFree collection within 5 miles of the garage.\n\n## Where to find us\nWe are at 14 Oak Street, Bristol.");
    expect(composeExtractiveAnswer("What is your address?", [garage], {}, meaningOf([["collection", 0.43]], 0.31)).content).toBe(
      "Where to find us: We are at 14 Oak Street, Bristol. [1]",
    );
  });

  it("credits a question word naming the kind of fact ('cost') to a sentence stating that kind of fact", () => {
    const prices = source("prices", "## Servicing\nA full service checks the brakes.\nA full service is £189.");
    expect(composeExtractiveAnswer("What does a full service cost?", [prices], {}, meaningOf([], 0.3)).content).toBe("A full service is £189. [1]");
  });

  it("answers a yes/no question about something no source mentions only by meaning", () => {
    expect(isYesNoQuestion("Do you sell used cars?")).toBe(true);
    expect(isYesNoQuestion("My car failed its MOT, do I pay for the retest?")).toBe(true);
    expect(isYesNoQuestion("What is your address?")).toBe(false);
    const cars = source("cars", "## Electric and hybrid cars\nWe can service hybrid and fully electric cars.");
    expect(unknownTerms("Do you sell used cars?", splitAnswerUnits(cars.content))).toEqual(["sell", "used"]);
    // "cars" alone is no evidence: declined …
    expect(composeExtractiveAnswer("Do you sell used cars?", [cars], {}, meaningOf([], 0.34))).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // … unless the sentence is close in meaning; and every word known, shared words answer as before.
    expect(composeExtractiveAnswer("Do you take Teslas?", [cars], {}, meaningOf([], 0.55)).content).toContain("fully electric cars");
    expect(composeExtractiveAnswer("Do you service hybrid cars?", [cars], {}, meaningOf([], 0.3)).content).toContain("fully electric cars");
  });

  it("reads 'charge my car' as the verb of batteries, not a price question", () => {
    expect(answerTypeOf("Can I charge my EV at the hotel?")).toBeNull();
    expect(answerTypeOf("Can I charge the laptop in my room?")).toBeNull();
    expect(answerTypeOf("Is there a charge for parking?")).toBe("price");
    expect(answerTypeOf("Do you charge for a late check-out?")).toBe("price");
    // A free parking space is no answer to charging an electric car.
    const faq = source("faq", "## Is there parking?\nWe have eight free parking spaces behind the hotel.\n\n## Can I charge an electric car?\nThere is one 7 kW charger in our car park.");
    expect(composeExtractiveAnswer("Can I charge my EV at the hotel?", [faq], {}, meaningOf([["charger", 0.6]], 0.5)).content).toBe("There is one 7 kW charger in our car park. [1]");
  });

  it("tells 'check in' from 'check out' by the word pair, hyphenated or not", () => {
    expect(topicPhrases("what time can i check in?")).toEqual(["check in"]);
    expect(topicPhrases("What time is breakfast?")).toEqual(["is breakfast"]);
    expect(phraseShare(["check in"], "Check-in is from 3 pm to 10 pm.")).toBe(1);
    expect(phraseShare(["check in"], "Check-out is by 11 am; check our prices.")).toBe(0);
    const faq = source("faq", "## What time is check-in?\nCheck-in is from 3 pm to 10 pm.\n\n## When do I have to check out?\nCheck-out is by 11 am.");
    // Both sentences hold "check" and a time, and the check-out one is as close in meaning: the pair decides.
    expect(composeExtractiveAnswer("what time can i check in?", [faq], {}, meaningOf([], 0.6)).content).toBe("Check-in is from 3 pm to 10 pm. [1]");
    expect(composeExtractiveAnswer("when can I check out?", [faq], {}, meaningOf([], 0.6)).content).toBe("Check-out is by 11 am. [1]");
  });

  it("quotes a short FAQ answer whole: it was written as one reply to its question", () => {
    const faq = source("faq", "## Can I charge an electric car?\nThere is one 7 kW charger in our car park. Charging costs 40 cents per kWh, paid at reception.\n\n## Is there wifi?\nFree wifi is available in every room.");
    const meaning = meaningOf([["Charging costs", 0.7], ["charger", 0.5]], 0.2);
    expect(composeExtractiveAnswer("Can I charge my car here?", [faq], {}, meaning).content).toBe(
      "There is one 7 kW charger in our car park. Charging costs 40 cents per kWh, paid at reception. [1]",
    );
    // Under a title (not a question) only the sentence that answers is quoted.
    const titled = source("titled", "## Electric cars\nThere is one 7 kW charger in our car park. Charging costs 40 cents per kWh, paid at reception.");
    expect(composeExtractiveAnswer("Can I charge my car here?", [titled], {}, meaning).content).toBe("Electric cars: Charging costs 40 cents per kWh, paid at reception. [1]");
  });

  it("answers 'how much' only with an amount: money, free, a share or a price counted in what is sold", () => {
    expect(fitsAnswerType("price", "We take a deposit of one night's stay when you book.")).toBe(true);
    expect(fitsAnswerType("price", "The Saver rate is 10% cheaper.")).toBe(true);
    expect(fitsAnswerType("price", "Boat trips leave every morning at 10 from April to October.")).toBe(false);
    const trips = source("trips", "## Things to do\nBoat trips to the seal colony leave from the harbour every morning at 10 from April to October.");
    // The sentence is all about the boat trip, but says nothing of its price.
    expect(composeExtractiveAnswer("How much does the boat trip to the seals cost?", [trips], {}, meaningOf([], 0.5))).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    const priced = source("priced", "## Things to do\nBoat trips to the seal colony leave at 10. A ticket costs €18.");
    expect(composeExtractiveAnswer("How much does the boat trip to the seals cost?", [priced], {}, meaningOf([], 0.5)).content).toContain("A ticket costs €18.");
    // A yes/no question about a price is settled without an amount.
    const breakfast = source("breakfast", "## Is breakfast included?\nBreakfast is included in all room rates.");
    expect(composeExtractiveAnswer("Is breakfast included in the price?", [breakfast], {}, meaningOf([], 0.6)).content).toBe("Breakfast is included in all room rates. [1]");
  });

  it("compares every sentence with a stored vector in meaning, not only the best few by words", async () => {
    // Vectors by topic: the question and the collection sentence point one way, everything else the other.
    const byTopic = (text: string) => (/collect|pick/iu.test(text) ? [1, 0] : [0, 1]);
    const embeddings: EmbeddingsInterface = {
      embedQuery: async (text) => byTopic(text),
      embedDocuments: async (texts) => texts.map(byTopic),
    };
    const sentences = Array.from({ length: 12 }, (_, index) => `Our home service number ${index + 1} runs every weekday.`);
    const hit = source("services", `## Services\n${sentences.join("\n")}\nWe offer a free local collection and delivery within 5 miles.`);
    const sentenceVectors = new Map([[hit.chunkId, (await embedSentenceVectors(embeddings, [hit.content]))[0]!]]);
    const events = [];
    for await (const event of answerQuestion({ question: "Will you pick my car up from home?", history: [], hits: [hit], systemPrompt: "", chatModel: null, embeddings, sentenceVectors })) {
      events.push(event);
    }
    expect(events.at(-1)).toMatchObject({ type: "done", content: "Services: We offer a free local collection and delivery within 5 miles. [1]" });
  });

  it("declines a yes/no question resting on a word no source mentions when a sentence of another section is nearer in meaning than the one chosen", () => {
    const faq = source("faq", "## Is there parking?\nWe have eight free parking spaces behind the hotel.\n\n## Do you have a lift?\nRoom 1 on the ground floor has step-free access.");
    const near = meaningOf([["parking spaces", 0.55], ["step-free", 0.6]]);
    const gymCarries = { ...near, shift: (word: string) => (word === "gym" ? 0.4 : 0) };
    // "hotel" makes the parking sentence the best scored, but the lift entry is nearer in meaning: a guess.
    expect(composeExtractiveAnswer("Is there a gym at the hotel?", [faq], {}, gymCarries)).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // Without the measure (or with a word that carries little of the question) the rule before it stands.
    expect(composeExtractiveAnswer("Is there a gym at the hotel?", [faq], {}, near).content).toContain("parking spaces");
    // The sentence chosen is also the nearest in meaning: it is about what the unknown word names.
    const charging = source("ev", "## Can I charge an electric car?\nThere is one 7 kW charger in our car park.\n\n## Is there parking?\nWe have eight free parking spaces behind the hotel.");
    const evCarries = { ...meaningOf([["charger", 0.7], ["parking spaces", 0.5]]), shift: (word: string) => (word === "ev" ? 0.25 : 0) };
    expect(composeExtractiveAnswer("Can I charge my EV at the hotel?", [charging], {}, evCarries).content).toContain("7 kW charger");
  });

  it("measures how far the question moves in meaning without each word", async () => {
    expect(withoutWord("Is there a Gym at the hotel? A gym!", "gym")).toBe("Is there a at the hotel? A !");
    expect(withoutWord("Do you take DKV insurance?", "insurance")).toBe("Do you take DKV ?");
    // "gymnastics" is another word.
    expect(withoutWord("Any gymnastics?", "gym")).toBe("Any gymnastics?");
    // Terms are folded ("haarverlangerungen"): the question's accented word is that term too.
    expect(withoutWord("Bieten Sie Haarverlängerungen an?", "haarverlangerungen")).toBe("Bieten Sie an?");
    expect(withoutWord("¿Tienen café?", "cafe")).toBe("¿Tienen ?");
    // Vectors: one axis for "gym", one for everything else.
    const axes = (text: string) => [/gym/iu.test(text) ? 1 : 0, 1];
    const embeddings: EmbeddingsInterface = { embedQuery: async (text) => axes(text), embedDocuments: async (texts) => texts.map(axes) };
    const weights = await weighWords(embeddings, "Is there a gym at the hotel?", ["gym", "hotel", "sauna"]);
    expect(weights.get("gym")).toEqual({ shift: expect.closeTo(1 - Math.SQRT1_2), rest: [0, 1] });
    expect(weights.get("hotel")?.shift).toBeCloseTo(0);
    expect(weights.get("sauna")).toEqual({ shift: 0, rest: null });
    expect((await weighWords(embeddings, "gym?", ["gym"])).get("gym")).toEqual({ shift: 1, rest: null });
  });

  it("answers a yes/no question resting on a word no source mentions with a sentence sharing next to none of its known words only when it is nearer than unrelated sentences come", () => {
    const garage = source("garage", "## About us\nOak Street Motors is an independent family garage founded in 1998.\n\n## Electric cars\nTwo of our technicians are qualified for high-voltage systems.");
    const near = meaningOf([["founded", 0.481], ["high-voltage", 0.336]]);
    // "sell" carries the question, "cars" is known (a heading) but not in the sentence nearest in meaning: declined.
    const sellCarries = { ...near, shift: (word: string) => (word === "sell" ? 0.181 : 0) };
    expect(composeExtractiveAnswer("Do you sell used cars?", [garage], {}, sellCarries)).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // The same closeness answered before the word's weight was measured …
    expect(composeExtractiveAnswer("Do you sell used cars?", [garage], {}, near).content).toContain("founded in 1998");
    // … and "Can you work on my Tesla?" (no word the sources know) is answered by meaning: electric cars.
    const teslaCarries = { ...meaningOf([["high-voltage", 0.594]]), shift: (word: string) => (word === "tesla" ? 0.378 : 0) };
    expect(composeExtractiveAnswer("Can you work on my Tesla?", [garage], {}, teslaCarries).content).toContain("high-voltage");
    // A question none of whose words the sources know shares nothing with any sentence: meaning alone decides.
    const pets = source("pets", "Pets are welcome for a fee of 20 euros per night.");
    const dogCarries = { ...meaningOf([["Pets", 0.465]]), shift: (word: string) => ({ dog: 0.238, bring: 0.172 })[word] ?? 0 };
    expect(composeExtractiveAnswer("Can I bring my dog?", [pets], {}, dogCarries).content).toBe("Pets are welcome for a fee of 20 euros per night. [1]");
  });

  it("does not answer a wh-question with a sentence nearer to the question without the word it rests on", () => {
    const address = source("address", "## Where to find us\nWe are at 14 Oak Street, Bristol BS3 4RT.");
    const cancel = source("cancel", "## Booking\nPlease cancel by 5pm the day before.");
    const withShift = (shift: number, without: number) => ({
      ...meaningOf([["Oak Street", 0.448], ["cancel by", 0.609]]),
      shift: () => shift,
      similarityWithout: () => without,
    });
    // "weather" carries the question and the address is nearer to "What is the like in Bristol?" (0.528): declined.
    expect(composeExtractiveAnswer("What is the weather like in Bristol?", [address], {}, withShift(0.244, 0.528))).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // Nearer to the whole question than to what is left: it is about the word ("late" in "How late can I cancel?").
    expect(composeExtractiveAnswer("How late can I cancel my booking?", [cancel], {}, withShift(0.201, 0.532)).content).toContain("5pm the day before");
    // A word that carries little of the question is not tested.
    expect(composeExtractiveAnswer("What is the weather like in Bristol?", [address], {}, withShift(0.05, 0.528)).content).toContain("Oak Street");
  });

  it("reads the kind of fact from the interrogative opening the question or a clause, not from a joining 'when' or a noun 'phone'", () => {
    expect(answerTypeOf("Who do I speak to when booking?")).toBe("person");
    expect(answerTypeOf("Where can I park when I drop off my car?")).toBe("place");
    expect(answerTypeOf("Is balancing extra when I buy tyres?")).toBeNull();
    // The noun "phone" asks for no number; the clause "what happens to it" asks what follows (consequences.test.ts).
    expect(answerTypeOf("I left my phone charger in the room, what happens to it?")).toBe("consequence");
    expect(answerTypeOf("I'm coming on Saturday, where do I park?")).toBe("place");
    expect(answerTypeOf("Who do I call if I have tooth pain at night?")).toBe("phone");
    expect(answerTypeOf("What's your phone number?")).toBe("phone");
    expect(answerTypeOf("How much time does it take?")).toBe("duration");
    // Cue words still type a question no interrogative opens.
    expect(answerTypeOf("Are you open on Saturday?")).toBe("time");
    expect(answerTypeOf("What does an implant cost?")).toBe("price");
  });

  it("reads 'how late' and 'how early' as asking for a time (or a notice period), 'late' then being no topic word", () => {
    expect(answerTypeOf("How late is reception open?")).toBe("time");
    expect(answerTypeOf("how early do you open on sundays")).toBe("time");
    expect(answerTypeOf("how late can i cancel on the flexible rate")).toBe("duration");
    expect(answerTypeOf("whats the earliest time i can have a lesson")).toBe("time");
    const hotel = source("hotel", "## Check-out\nCheck-out is by 11 am. Late check-out until 1 pm costs €20.\n\n## Reception\nReception is staffed from 7 am to 11 pm every day.");
    const nearer = meaningOf([["Late check-out", 0.45], ["Reception is", 0.4]]);
    expect(composeExtractiveAnswer("How late is reception open?", [hotel], {}, nearer).content).toBe("Reception is staffed from 7 am to 11 pm every day. [1]");
    const rates = source("rates", "## Rates\nRate: Flexible; Cancellation: Free until 48 hours before arrival\n\n## Check-out\nLate check-out until 1 pm costs €20.");
    expect(composeExtractiveAnswer("how late can i cancel on the flexible rate", [rates], {}, meaningOf([["Late check-out", 0.45], ["Flexible", 0.4]])).content).toContain("48 hours");
  });

  it("answers a who-question only with a sentence naming a person, or saying how to reach one when the question asks whom to contact", () => {
    expect(fitsAnswerType("person", "Jess Moreno runs the front desk and books every appointment.")).toBe(true);
    expect(fitsAnswerType("person", "Bookings can be made online or by phone at least 24 hours ahead.")).toBe(false);
    // A name after its role or after "by" is a person too, whatever follows it.
    expect(fitsAnswerType("person", "The generator test is carried out by technician Marisol Okonkwo from Brightline Power.")).toBe(true);
    expect(fitsAnswerType("person", "Classes are led by Maya Lindqvist on weekdays.")).toBe(true);
    expect(fitsAnswerType("person", "The test is carried out on the first Tuesday at Harbour Street.")).toBe(false);
    // A name before a verb in the past, and a first name alone in a row's teacher field, name a person; a name before
    // a noun ending in -ss ("class") does not ("in our Pregnancy Yoga class on Wednesdays").
    expect(fitsAnswerType("person", "Hannah Doyle founded the studio in 2014.")).toBe(true);
    expect(fitsAnswerType("person", "Day: Wednesday; Time: 10:00; Class: Pregnancy Yoga; Teacher: Sofia")).toBe(true);
    expect(fitsAnswerType("person", "Teacher: Sofia; Room: Studio 2")).toBe(true);
    expect(fitsAnswerType("person", "Yes, from 14 weeks, in our Pregnancy Yoga class on Wednesdays.")).toBe(false);
    expect(fitsAnswerType("person", "Sofia Lind leads the pregnancy classes.")).toBe(true);
    const teachers = source(
      "yoga",
      "## Can I come if I'm pregnant?\nYes, from 14 weeks of pregnancy, in our Pregnancy Yoga class on Wednesdays.\n\n## Our teachers\nHannah Doyle founded the studio in 2014 and teaches Ashtanga.",
    );
    expect(composeExtractiveAnswer("who started the studio", [teachers], {}, meaningOf([["Pregnancy Yoga", 0.5], ["Hannah", 0.4]])).content).toContain("Hannah Doyle");
    expect(fitsAnswerType("time", "Oak Street Motors is a family garage founded in 1998.")).toBe(true);
    const booking = source(
      "booking",
      "## Booking\nBookings can be made online or by phone at least 24 hours ahead. Please book early in summer.\n\n## Our team\nJess Moreno runs the front desk and takes every booking.",
    );
    // The booking sentences share more words and are as close in meaning, but name nobody.
    const meaning = meaningOf([["Bookings can", 0.5], ["book early", 0.5], ["Jess", 0.3]]);
    expect(composeExtractiveAnswer("Who do I speak to when booking?", [booking], {}, meaning).content).toBe("Our team: Jess Moreno runs the front desk and takes every booking. [1]");
    // Nobody named and no way to reach anyone: declined rather than answered with the booking rule.
    const noPerson = source("noperson", "## Booking\nBookings can be made online or by phone at least 24 hours ahead.");
    expect(composeExtractiveAnswer("Who do I speak to when booking?", [noPerson], {}, meaningOf([], 0.5))).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // "Who should I contact …?" is answered by how to reach them, too.
    expect(statesContactFor("Who should I contact about a wedding?", "For groups, please contact us by email.")).toBe(true);
    expect(statesContactFor("Who should I contact about a wedding?", "Bookings can be made by phone.")).toBe(false);
    const groups = source("groups", "## Groups\nFor bookings of four rooms or more, please contact us by email.");
    expect(composeExtractiveAnswer("Who should I contact about booking 5 rooms?", [groups], {}, meaningOf([], 0.5)).content).toContain("contact us by email");
  });

  it("never answers with a document's title line standing above its first heading", () => {
    const units = splitAnswerUnits("Spoke & Chain Cycles - buying a bike\nReturns\nUnused bikes can be returned within 30 days.\nTest rides\nYou can test ride any bike.");
    expect(units.map((unit) => unit.text)).toEqual(["Unused bikes can be returned within 30 days.", "You can test ride any bike."]);
    expect(units.map((unit) => unit.context)).toEqual(["Returns", "Test rides"]);
    // Further down, short lines in a row are items of a list, and answer (under the title above them).
    expect(splitAnswerUnits("In every room\nHair dryer\nKettle\nFlat-screen TV")).toMatchObject([{ text: "Hair dryer Kettle Flat-screen TV", context: "In every room" }]);
  });

  it("weighs the words no source mentions together: each of 'shuttle bus' moves the question little while the other stays", async () => {
    // Vectors: one axis for the shuttle-bus meaning (either word carries it), one for everything else.
    const axes = (text: string) => [/shuttle|bus/iu.test(text) ? 1 : 0, 1];
    const embeddings: EmbeddingsInterface = { embedQuery: async (text) => axes(text), embedDocuments: async (texts) => texts.map(axes) };
    const question = "Is there a shuttle bus from the airport?";
    const alone = await weighWords(embeddings, question, ["shuttle", "bus"]);
    expect([alone.get("shuttle")?.shift, alone.get("bus")?.shift]).toEqual([0, 0]);
    expect(await weighWordsTogether(embeddings, question, ["shuttle", "bus"])).toBeCloseTo(1 - Math.SQRT1_2);
    expect(await weighWordsTogether(embeddings, "shuttle bus?", ["shuttle", "bus"])).toBe(1);
    // A model that embeds several queries at once gets every text weighing embeds in one call, and gives the same weights.
    const sent: string[][] = [];
    const batching = { ...embeddings, embedQueries: async (texts: readonly string[]) => (sent.push([...texts]), texts.map(axes)) };
    const both = await weighWordsAloneAndTogether(batching, question, ["shuttle", "bus"]);
    expect(sent).toEqual([[question, "Is there a bus from the airport?", "Is there a shuttle from the airport?", "Is there a from the airport?"]]);
    expect([both.weights.get("shuttle"), both.weights.get("bus")]).toEqual([alone.get("shuttle"), alone.get("bus")]);
    expect(both.together).toBeCloseTo(1 - Math.SQRT1_2);
    // Asked again (the process's query cache), nothing is sent; one word has no together.
    expect((await weighWordsAloneAndTogether(batching, question, ["shuttle", "bus"])).together).toBeCloseTo(1 - Math.SQRT1_2);
    expect((await weighWordsAloneAndTogether(batching, question, ["bus"])).together).toBeUndefined();
    expect(sent).toHaveLength(1);
    // Carried together, the question is answered only by the sentence nearest in meaning of all, as for one word.
    const area = source("area", "## Getting here\nThe nearest airport is Kernow Airport, 40 minutes by car.\n\n## Is there parking?\nWe have eight free parking spaces.");
    const near = meaningOf([["Kernow", 0.57], ["parking spaces", 0.65]]);
    expect(composeExtractiveAnswer(question, [area], {}, near).content).toContain("Kernow Airport");
    expect(composeExtractiveAnswer(question, [area], {}, { ...near, unknownShift: () => 0.18 })).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
  });

  it("matches a compound written as one word on one side and two on the other", () => {
    expect(wordsOf("does the room have a hair dryer", "All rooms have a kettle and a hairdryer.")).toEqual(expect.arrayContaining(["hair", "dryer"]));
    expect(wordsOf("do you fix ebikes?", "We fix e bikes.")).toContain("ebikes");
    // Two words that happen to stand together in the text are not a compound of the question's.
    expect(wordsOf("is there a car park?", "Park your car in the carpark.")).toEqual(expect.arrayContaining(["car", "park"]));
    expect(wordsOf("Is the hair salon open?", "The hairdryer is in the drawer.")).not.toContain("salon");
    const rooms = source("rooms", "## Rooms and rates\nAll 14 rooms have an en-suite bathroom, a kettle and a hairdryer.\n\n## Do you have a lift?\nRoom 1 has a walk-in shower.");
    expect(unknownTerms("does the room have a hair dryer", splitAnswerUnits(rooms.content))).toEqual([]);
    // "hair" and "dryer" are no longer words no source mentions: the sentence holding them answers.
    const carries = { ...meaningOf([["hairdryer", 0.51], ["walk-in", 0.53]]), shift: (word: string) => (word === "dryer" ? 0.17 : 0) };
    expect(composeExtractiveAnswer("does the room have a hair dryer", [rooms], {}, carries).content).toContain("hairdryer");
  });

  it("reads a discount or 'is it free' as a price question: a share off or an amount answers it", () => {
    expect(answerTypeOf("do you do discounts for students")).toBe("price");
    expect(answerTypeOf("is microchipping free")).toBe("price");
    expect(answerTypeOf("do you do student rates")).toBe("price");
    expect(answerTypeOf("Do you treat horses?")).toBeNull();
    const passes = source("passes", "pass: 5-class pass\nprice: £62\n\npass: Students and over-65s\nprice: 20% off\nvalid for: any pass");
    // "discounts" is no word the knowledge uses, but "20% off" states one: not a yes/no question resting on an unknown word.
    expect(unknownTerms("do you do discounts for students", splitAnswerUnits(passes.content))).toEqual([]);
    expect(composeExtractiveAnswer("do you do discounts for students", [passes], {}, meaningOf([], 0.3)).content).toContain("20% off");
    // Without a share or an amount stated, the question still rests on words no source mentions.
    const classes = source("classes", "## Students\nStudents can join any class.");
    expect(composeExtractiveAnswer("do you do discounts for students", [classes], {}, meaningOf([], 0.3))).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
  });

  it("takes a discount for a price only when the question asks about a discount", () => {
    expect(statesOnlyDiscount("Siblings get 10 % off.")).toBe(true);
    expect(statesOnlyDiscount("Offres: 15 % de réduction sur le forfait emplacement.")).toBe(true);
    expect(statesOnlyDiscount("Gibt es Rabatt für Studierende? Ja, mit Studierendenausweis 10 % auf alle Schnitte.")).toBe(true);
    expect(statesOnlyDiscount("A class is £14, 10% off for students.")).toBe(false);
    // A price said as a share of another is a price.
    expect(statesOnlyDiscount("L'assurance annulation coûte 3,5 % du séjour.")).toBe(false);
    expect(asksForShare("do you do discounts for students")).toBe(true);
    expect(asksForShare("¿hay descuento para parados?")).toBe(true);
    expect(asksForShare("gibt es Studentenrabatt?")).toBe(true);
    expect(asksForShare("¿cuánto cuesta la matrícula?")).toBe(false);
    // (The registration section names students: a price whose section names none of the question's topic words prices
    // something else, see pricesAnotherThing.)
    const prices = source("prices", "## Discounts\nSiblings and students of two languages get 10 % off.\n\n## Registration\nThe registration fee for every student is 40 €.");
    // Same closeness in meaning, the share sharing more words: "how much" wants the amount …
    const even = meaningOf([], 0.45);
    expect(composeExtractiveAnswer("how much is it for students of two languages?", [prices], {}, even).content).toContain("40 €");
    // … and the discount question the share.
    expect(composeExtractiveAnswer("how much discount for students of two languages?", [prices], {}, even).content).toContain("10 % off");
    // A price question answered by a share alone is declined: it says what comes off, not what anything costs.
    const discounts = source("discounts", "## Discounts\nSiblings get 10 % off and unemployed students 15 % off.");
    expect(composeExtractiveAnswer("¿cuánto cuesta la inscripción para estudiantes?", [discounts], {}, meaningOf([], 0.3))).toEqual({ content: NOT_FOUND_REPLIES.es, citations: [] });
  });

  it("weighs 'free' less than a figure for 'how much', but not when the question asks whether something is free", () => {
    expect(statesOnlyFree("Mats are provided free in every class.")).toBe(true);
    expect(statesOnlyFree("A drop-in class costs £14; mats are free.")).toBe(false);
    expect(statesOnlyFree("The class starts at 9.")).toBe(false);
    expect(asksIfFree("is parking free?")).toBe(true);
    expect(asksIfFree("How much is a class?")).toBe(false);
    const faq = source("faq", "## What should I bring?\nMats and blocks are provided free in every class.\n\n## Prices\nA drop-in class is £14.");
    // Same closeness in meaning: the figure wins "how much" …
    const even = meaningOf([], 0.45);
    expect(composeExtractiveAnswer("How much is a class?", [faq], {}, even).content).toContain("£14");
    const nearerFree = meaningOf([["Mats", 0.47]], 0.45);
    expect(composeExtractiveAnswer("How much is a class?", [faq], {}, nearerFree).content).toContain("£14");
    // … while "free" is what "are mats free?" asks about.
    expect(composeExtractiveAnswer("are the mats free in class?", [faq], {}, nearerFree).content).toContain("provided free");
  });

  it("reads a holiday by its date: 25 December answers a question about Christmas", () => {
    const holidays = source("holidays", "## Holidays\nThe studio is closed on 25 and 26 December and on 1 January.");
    const units = splitAnswerUnits(holidays.content);
    expect(unknownTerms("are you open over christmas", units)).toEqual([]);
    expect(hasTerm(["december"], "christmas")).toBe(true);
    expect(hasTerm(["january"], "christmas")).toBe(false);
    expect(composeExtractiveAnswer("are you open over christmas", [holidays], {}, meaningOf([], 0.39)).content).toContain("25 and 26 December");
    // Easter has no fixed date: not covered.
    expect(unknownTerms("are you open at easter", units)).toEqual(["easter"]);
  });

  it("matches word forms sameStem misses by sameWordForm's endings ('taken' ~ 'take', 'archivos' ~ 'archivo')", () => {
    expect(sameStem("taken", "take")).toBe(false);
    expect(hasTerm(["taken"], "take")).toBe(true);
    expect(hasTerm(["archivos"], "archivo")).toBe(true);
    expect(hasTerm(["motorbike"], "motors")).toBe(false);
    expect(hasTerm(["card"], "car")).toBe(false);
  });

  it("drops function words typed without their apostrophe ('whats', 'im'), keeping 'ill' and 'id'", () => {
    expect(contentTerms("whats your address")).toEqual(["address"]);
    expect(contentTerms("im 16 weeks pregnant, cant I do yoga")).toEqual(["16", "weeks", "pregnant", "yoga"]);
    expect(contentTerms("my cat is ill, do you need a photo id")).toEqual(expect.arrayContaining(["ill", "id"]));
    expect(contentTerms("a pass I haven't used")).toEqual(["pass", "used"]);
    // "whats" is no word no source mentions, so nothing rests on it: the address answers.
    const about = source("about", "## Finding us\nWe are at 42 Canal Road, Leeds.");
    expect(unknownTerms("whats your address", splitAnswerUnits(about.content))).toEqual([]);
  });

  it("declines a yes/no question resting on a word no source mentions when the sentence shares only words nearly every document read mentions", () => {
    const studio = [
      source("faq", "## Which class should I join?\nStart with the Saturday Beginners' Yoga class.", { documentId: "faq", documentTitle: "Yoga FAQ" }),
      source("about", "## About\nWillow Tree Yoga opened in 2014 on Mill Lane.", { documentId: "about", documentTitle: "Willow Tree Yoga" }),
      source("timetable", "## Timetable\nYin Yoga is on Tuesdays at 19:30.", { documentId: "timetable", documentTitle: "Timetable - Willow Tree Yoga" }),
    ];
    expect(topicWords("do you have hot yoga", studio)).toEqual(["yoga"]);
    // "yoga" is the studio's topic, "hot" no source's word: the beginners' class does not settle it.
    expect(composeExtractiveAnswer("do you have hot yoga", studio, {}, meaningOf([["Beginners", 0.46]], 0.3))).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // Close in meaning, the sentence answers as before …
    expect(composeExtractiveAnswer("do you have hot yoga", studio, {}, meaningOf([["Beginners", 0.6]], 0.3)).content).toContain("Beginners");
    // … and so does one sharing a word few documents mention ("Tuesdays" for "tuesday").
    expect(composeExtractiveAnswer("do you have hot yoga on tuesday", studio, {}, meaningOf([["Yin", 0.46]], 0.3)).content).toContain("Yin Yoga");
    // From fewer than three documents no word is the topic.
    expect(topicWords("do you have hot yoga", studio.slice(0, 2))).toEqual([]);
  });
  it("does not answer with an FAQ entry that shares no word with the question: only the question's shape is near", () => {
    const faq = source("faq", "## Do you have changing rooms?\nYes, there are changing rooms with two showers and lockers.\n\n## Can I buy a gift voucher?\nYes, at reception.");
    // Near in meaning (the model puts any "Do you …?" entry there), but no word of "massages" or "offer" in it: declined.
    expect(composeExtractiveAnswer("Do you offer massages?", [faq], {}, meaningOf([["showers", 0.52]], 0.2))).toEqual({ content: NOT_FOUND_ANSWER, citations: [] });
    // An entry sharing a word with the question answers as before …
    expect(composeExtractiveAnswer("Do you have showers?", [faq], {}, meaningOf([["showers", 0.52]], 0.2)).content).toContain("two showers");
    // … and a word of the entry's question counts ("changing" is only there).
    expect(composeExtractiveAnswer("Is there somewhere for changing?", [faq], {}, meaningOf([["showers", 0.52]], 0.2)).content).toContain("two showers");
    // A sentence that is no FAQ answer still answers by meaning alone ("dog" ~ "Pets").
    const pets = source("pets", "Pets are welcome for a fee of 20 euros per night.");
    expect(composeExtractiveAnswer("Can I bring my dog?", [pets], {}, meaningOf([["Pets", 0.5]])).content).toContain("Pets are welcome");
  });
});
