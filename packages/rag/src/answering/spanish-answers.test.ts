import { describe, expect, it } from "vitest";
import { composeExtractiveAnswer, type SentenceMeaning } from "./extractive-answer";
import { keySubjectWords } from "./key-subject";
import { NOT_FOUND_REPLIES } from "./not-found-reply";
import { questionLanguage } from "./question-language";
import { answerTypeOf, fitsAnswerType, isAnswerTypeWord, statesStreetAddress } from "./question-type";
import { sameSpanishVerb } from "./spanish-cues";
import { sameFrenchVerb } from "./french-cues";
import { sameGermanVerb } from "./german-cues";
import { contentTerms } from "./text-analysis";
import { answerSource } from "./answer-test-fixtures";

const source = (id: string, content: string) => answerSource(id, content, { vectorScore: 0.8 });

// The English model does not read Spanish: every sentence sits at one cosine from a Spanish question.
const unread: SentenceMeaning = { similarity: () => 0.3 };

describe("Spanish questions: the kind of fact asked for", () => {
  it("reads the interrogative, with or without its accents and its opening ¿", () => {
    expect(answerTypeOf("cuanto pago al mes por el ingles si soy adulto")).toBe("price");
    expect(answerTypeOf("¿Cuánto es la matrícula?")).toBe("price");
    expect(answerTypeOf("hasta que hora se os puede llamar")).toBe("time");
    expect(answerTypeOf("¿desde cuándo está abierto?")).toBe("time");
    expect(answerTypeOf("me dejé la chaqueta, cuánto tiempo la guardáis")).toBe("duration");
    expect(answerTypeOf("con cuanta antelacion hay que avisar")).toBe("duration");
    expect(answerTypeOf("mi hija tiene 7 años, con qué edad la aceptáis")).toBe("age");
    expect(answerTypeOf("con quien tengo que hablar para pagar")).toBe("person");
    expect(answerTypeOf("cuántas personas hay en cada grupo")).toBe("quantity");
    expect(answerTypeOf("donde estais")).toBe("place");
    expect(answerTypeOf("¿aceptáis bizum?")).toBeNull();
  });

  it("reads the forms a Spanish sentence states a person, a place and a duration in", () => {
    expect(fitsAnswerType("person", "Anna Schneider imparte alemán e italiano.")).toBe(true);
    expect(fitsAnswerType("person", "La directora académica es Lucía Ferrer.")).toBe(true);
    expect(fitsAnswerType("person", "Los Grupos tienen clase de 19:00 a 20:30.")).toBe(false);
    expect(fitsAnswerType("place", "Calle Sueca 42, bajo, 46006 Valencia.")).toBe(true);
    expect(fitsAnswerType("place", "La plaza queda reservada al pagar la matrícula de 40 €.")).toBe(false);
    expect(statesStreetAddress("Estamos en la Avenida del Puerto 3.")).toBe(true);
    expect(fitsAnswerType("duration", "Guardamos los objetos olvidados durante un mes.")).toBe(true);
    expect(fitsAnswerType("time", "El curso empieza el 14 de septiembre.")).toBe(true);
    expect(isAnswerTypeWord("price", "cuanto")).toBe(true);
    expect(isAnswerTypeWord("time", "abris")).toBe(true);
  });

  it("answers a Spanish who question with the sentence naming a person", () => {
    const team = source(
      "equipo",
      "## Equipo\nLas clases de alemán son por la tarde.\nAnna Schneider imparte alemán e italiano.\nMarcos Gil se ocupa de la secretaría.",
    );
    expect(composeExtractiveAnswer("quién da las clases de alemán", [team], {}, unread).content).toContain("Anna Schneider");
  });

  it("takes the verb of addressing someone in a who question as asking for the person", () => {
    const office = source(
      "equipo",
      "## Equipo\nPara hablar de tu nivel, pide una prueba gratuita.\nMarcos Gil se ocupa de la secretaría, las matrículas y los pagos.",
    );
    expect(isAnswerTypeWord("person", "hablar")).toBe(true);
    expect(composeExtractiveAnswer("con quién tengo que hablar para pagar", [office], {}, unread).content).toContain("Marcos Gil");
  });

  it("answers a Spanish price question opened by a bare 'cuánto' with the sentence stating an amount", () => {
    const courses = source("cursos", "## Cursos\nEl inglés para adultos es de septiembre a junio.\nEl inglés para adultos cuesta 79 € al mes.");
    expect(composeExtractiveAnswer("cuanto pago al mes por el ingles de adultos", [courses], {}, unread).content).toContain("79 €");
  });
});

describe("Spanish where questions", () => {
  const about = source(
    "quienes-somos",
    "## Quiénes somos\nLingua Viva es una academia de idiomas del barrio de Ruzafa.\n\n## Dirección\nCalle Sueca 42, 46006 Valencia. Estamos a cinco minutos de la estación de metro Bailén.",
  );
  const rules = source("normas", "## Normas de la academia\nLa plaza queda reservada al pagar la matrícula.");

  it("answers where the business is with the address of the passage naming it", () => {
    expect(composeExtractiveAnswer("dónde está la academia exactamente", [rules, about], {}, unread).content).toContain("Calle Sueca 42");
  });

  it("gives no address for a thing no passage names", () => {
    expect(composeExtractiveAnswer("dónde está el médico más cercano", [rules, about], {}, unread).content).not.toContain("Calle Sueca 42");
  });

  it("reads 'the nearest' as asking for a place", () => {
    expect(answerTypeOf("qué parada de metro me queda más cerca")).toBe("place");
    expect(answerTypeOf("¿dónde está el parking más cercano?")).toBe("place");
  });
});

describe("Spanish words of asking and verb forms", () => {
  it("drops the words that only ask ('hay', 'tenéis', 'se puede', 'os'), not the topic", () => {
    expect(contentTerms("¿se puede aparcar cerca?")).toEqual(["aparcar", "cerca"]);
    expect(contentTerms("¿tenéis alojamiento?")).toEqual(["alojamiento"]);
    expect(contentTerms("hay que pagar el test de nivel")).toEqual(["pagar", "test", "nivel"]);
  });

  it("does not answer 'can I park' with a sentence sharing only 'se puede'", () => {
    const pay = source("pago", "## Pagos\nSe puede pagar con tarjeta o en efectivo.");
    expect(composeExtractiveAnswer("¿se puede aparcar cerca?", [pay], {}, unread).content).toBe(NOT_FOUND_REPLIES.es);
  });

  it("pairs persons, infinitives and verbal nouns of one verb, not other words", () => {
    expect(sameSpanishVerb("guardais", "guardamos")).toBe(true);
    expect(sameSpanishVerb("recuperar", "recuperan")).toBe(true);
    expect(sameSpanishVerb("aparcar", "aparcamiento")).toBe(true);
    expect(sameSpanishVerb("charge", "charger")).toBe(false);
    expect(sameSpanishVerb("motor", "motorbike")).toBe(false);
    expect(sameSpanishVerb("pagar", "pagos")).toBe(true);
    expect(sameSpanishVerb("solar", "sole")).toBe(false);
  });

  it("reads a verb with its pronouns attached, a second-conjugation infinitive and a stem's diphthong", () => {
    expect(sameSpanishVerb("cambiarla", "cambiar")).toBe(true);
    expect(sameSpanishVerb("dejaros", "dejarnos")).toBe(true);
    expect(sameSpanishVerb("recogerlo", "recogemos")).toBe(true);
    expect(sameSpanishVerb("cambiamelo", "cambia")).toBe(true);
    expect(sameSpanishVerb("haciendolo", "haciendo")).toBe(true);
    expect(sameSpanishVerb("descontais", "descuentan")).toBe(true);
    // English "-er" nouns are no infinitives; one pronoun after a noun's vowel is no imperative.
    expect(sameSpanishVerb("charger", "charges")).toBe(false);
    expect(sameSpanishVerb("computer", "computes")).toBe(false);
    expect(sameSpanishVerb("escuela", "escue")).toBe(false);
  });

  it("answers a question asking with a verb and its pronoun from the sentence with the verb", () => {
    const terms = [
      source("citas", "## Citas y anulaciones\nPuedes cambiar o anular la cita sin coste hasta 24 horas antes."),
      source("recogida", "## Vehículos no recogidos\nLos vehículos que no se recojan en los 3 días siguientes al aviso pagarán 10 € por día."),
      source("vaciar", "## ¿Tengo que vaciar el coche?\nPor favor, saca los objetos de valor antes de dejarnos el coche."),
      source("llaves", "## ¿Puedo dejar el coche?\nSí. Deja las llaves en el mostrador y te avisamos cuando esté listo."),
    ];
    expect(composeExtractiveAnswer("hasta cuando puedo cambiarla sin pagar nada, la cita", terms, {}, unread).content).toContain("hasta 24 horas antes");
    expect(composeExtractiveAnswer("tengo que hacer algo antes de dejaros el coche", terms, {}, unread).content).toContain("objetos de valor");
  });

  it("answers a question in one person of a verb with a sentence in another", () => {
    const rules = source(
      "normas",
      "## Normas\nLa clase empieza a las 19:00 y dura una hora y media.\nGuardamos los objetos olvidados en la secretaría durante un mes.",
    );
    expect(composeExtractiveAnswer("me dejé la chaqueta en clase, cuánto tiempo la guardáis", [rules], {}, unread).content).toContain("durante un mes");
  });
});

describe("Spanish yes/no questions about a thing no sentence read names", () => {
  const academy = [
    source("pagos", "## Formas de pago\nSe puede pagar con tarjeta, en efectivo o por domiciliación bancaria."),
    source("clases", "## Clases\nLos alumnos tienen clase dos días por semana. Las aulas son accesibles."),
  ];

  it("reads the thing after 'can I' + verb and after 'vosotros' verbs", () => {
    expect(keySubjectWords("puedo llevar a mi perro a clase?")).toEqual(["perro"]);
    expect(keySubjectWords("¿se puede pagar con bizum?")).toEqual(["bizum"]);
    expect(keySubjectWords("tenéis alojamiento para alumnos que vienen de fuera?")).toEqual(["alojamiento"]);
    expect(keySubjectWords("aceptáis bizum?")).toEqual(["bizum"]);
    expect(keySubjectWords("¿se puede aparcar cerca?")).toEqual([]);
  });

  it("declines them in Spanish, also when only a 'vosotros' ending says the question is Spanish", () => {
    expect(questionLanguage("aceptáis bizum?")).toBe("es");
    // "a", "la", "en" and "que" are French words too; "qué" is not.
    expect(questionLanguage("a qué hora abre la secretaría en agosto?")).toBe("es");
    expect(questionLanguage("à quelle heure ouvre la laverie en août ?")).toBe("fr");
    expect(questionLanguage("me dais un número de teléfono")).toBe("es");
    expect(composeExtractiveAnswer("puedo llevar a mi perro a clase?", academy, {}, unread).content).toBe(NOT_FOUND_REPLIES.es);
    expect(composeExtractiveAnswer("tenéis alojamiento para los alumnos?", academy, {}, unread).content).toBe(NOT_FOUND_REPLIES.es);
    expect(composeExtractiveAnswer("aceptáis bizum?", academy, {}, unread)).toEqual({ content: NOT_FOUND_REPLIES.es, citations: [] });
  });

  it("answers when a sentence read names the thing", () => {
    expect(composeExtractiveAnswer("¿se puede pagar con tarjeta?", academy, {}, unread).content).toContain("con tarjeta");
  });

  it("answers with a sentence naming the thing when the best one does not, unless a word no sentence says narrows it", () => {
    const wash = [
      source("estancia", "## Vehículos no recogidos\nLos vehículos que no se recojan en los 3 días siguientes pagarán 10 € por día de estancia."),
      source("pago", "## Formas de pago\nAceptamos efectivo, tarjeta y Bizum."),
    ];
    expect(composeExtractiveAnswer("se puede pagar con bizum", wash, {}, unread).content).toContain("Bizum");
    expect(composeExtractiveAnswer("se puede pagar con bizum empresarial?", wash, {}, unread).content).toBe(NOT_FOUND_REPLIES.es);
  });
});

describe("a section naming none of the question's topic words", () => {
  const academy = [
    source("certificado", "## ¿Dan algún certificado?\nAl final del curso entregamos un certificado, siempre que se haya asistido al 80 % de las clases."),
    source("aparcamiento", "## Aparcamiento\nEl parking público más cercano está en la calle Cádiz, a 200 metros."),
    source("quienes", "## Quiénes somos\nEnseñamos inglés y francés a adultos y a niños a partir de 8 años."),
    source("pago", "## ¿Qué formas de pago aceptan?\nSe puede pagar con tarjeta. Las vacaciones van del 23 de diciembre al 7 de enero."),
  ];

  it("does not answer a question the model does not read from it when another section names the thing", () => {
    // Only "80 %" states an amount; the parking is named in another section, which gives no price.
    expect(composeExtractiveAnswer("cuánto cuesta el parking de la calle Cádiz?", academy, {}, unread)).toEqual({ content: NOT_FOUND_REPLIES.es, citations: [] });
  });

  it("answers from a section naming a topic word, in its heading too", () => {
    expect(composeExtractiveAnswer("dónde está el aparcamiento", academy, {}, unread).content).toContain("200 metros");
  });

  it("takes no value the question gives for its topic", () => {
    // "7" is named elsewhere ("7 de enero"), "hija" nowhere: the sentence stating an age answers.
    expect(composeExtractiveAnswer("mi hija tiene 7 años, con qué edad la cogéis", academy, {}, unread).content).toContain("a partir de 8 años");
  });
});

describe("a verb and the noun of its stem, in answers", () => {
  it("pairs French infinitives with their nouns, short stems too, and not English words of other endings", () => {
    expect(sameFrenchVerb("secher", "sechage")).toBe(true);
    expect(sameFrenchVerb("laver", "lavage")).toBe(true);
    expect(sameFrenchVerb("laver", "laverie")).toBe(true);
    expect(sameFrenchVerb("reserver", "reservation")).toBe(true);
    expect(sameFrenchVerb("rembourser", "remboursement")).toBe(true);
    expect(sameFrenchVerb("visites", "visiteurs")).toBe(true);
    expect(sameFrenchVerb("reservez", "reserver")).toBe(true);
    // Folded, "-é" is "-e": an English verb and its agent noun are no pair ("a charger is not charging").
    expect(sameFrenchVerb("charge", "charger")).toBe(false);
    expect(sameFrenchVerb("handle", "handler")).toBe(false);
    expect(sameFrenchVerb("cover", "coverage")).toBe(false);
    expect(sameFrenchVerb("present", "presentation")).toBe(false);
  });

  it("pairs German verb forms with their -ung noun", () => {
    expect(sameGermanVerb("erstattet", "erstattung")).toBe(true);
    expect(sameGermanVerb("ueberweisen", "ueberweisungen")).toBe(true);
    expect(sameGermanVerb("listen", "list")).toBe(false);
  });

  it("answers a French question asking with the verb from the sentence naming the noun", () => {
    const services = [
      source("lavage", "## Laverie\nLe lavage coûte 5 € la machine."),
      source("sechage", "## Laverie\nLe séchage coûte 3 € la machine."),
    ];
    expect(composeExtractiveAnswer("c'est combien pour faire sécher", services, {}, unread).content).toContain("séchage coûte 3 €");
    expect(composeExtractiveAnswer("c'est combien pour laver", services, {}, unread).content).toContain("lavage coûte 5 €");
  });
});

describe("the thing a yes/no question the model does not read asks about", () => {
  it("must be named by the section answering, not only by another one", () => {
    const camping = [
      source("piscine", "## Espace aquatique\nLa piscine couverte est ouverte de 10h à 20h, chauffée à 28 °C."),
      source("tarifs", "## Bien-être\nLe sauna est en travaux cette saison."),
    ];
    const meaning: SentenceMeaning = { similarity: (unit) => (unit.text.includes("piscine") ? 0.6 : 0.3) };
    // The sentence naming the sauna answers, not the pool's hours the model ranks first.
    expect(composeExtractiveAnswer("y a-t-il un sauna dans l'espace aquatique ?", camping, {}, meaning).content).toMatch(/^Bien-être: Le sauna est en travaux/u);
    expect(composeExtractiveAnswer("y a-t-il une piscine dans l'espace aquatique ?", camping, {}, meaning).content).toContain("10h à 20h");
  });
});
