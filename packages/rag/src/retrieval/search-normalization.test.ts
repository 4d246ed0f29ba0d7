import type { Database } from "@frontdesk/db";
import { createTestDatabase } from "@frontdesk/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fullTextSearch } from "./full-text-search";
import { normalizeSearchText } from "./search-normalization";
import { axisVector, seedDocument, seedKnowledgeBase, seedOrganization } from "./test-fixtures";

let db: Database;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.close();
});

const samples = [
  "Información ACCIÓN niño Ñandú façade Ångström Øresund Šibenik Żubr",
  "informacio\u0301n (decomposed accent)",
  "تَعْلِيم الإفطار أحمد آمن مستشفى مدرسة ٱلله مـــرحبا",
  "plain ascii stays: Wi-Fi 24/7",
  "os.path.join(/usr/lib) info@hotel.example v2.0 file-like RFC-4217 a\\b c+d ~e 10:30 snake_case",
  // With one letter the table folds (translate), and with only characters it leaves alone (the regular-expression
  // path of migration 20261204233000).
  "“Curly quotes” — and an en–dash; check-in at 3:00 ½ price ü",
  "“Curly quotes” — and an en–dash; check-in at 3:00 ½ price",
  // CJK: bigrams of each run, punctuation as spaces, single letters and mixed scripts kept (20261205061500).
  "lsコマンドは、ファイルを一覧表示する。「ls -l」で詳細を表示！",
  "東京都の天気 台北市 서울에서 만나요 日 a",
  "ﾃﾞｰﾀ（全角）：２０２６年 々 ・中黒・ カフェ résumé",
  "「」、。 only punctuation and ascii",
  // Tags, entities and angle-bracketed addresses lost their words to the parser (20261205113000).
  "cp <Quelle> <Ziel>: Name <info@clinic.example> x&amp;y a<b>c R&D",
  "über <Rechner>:<Verzeichnis> &lt;größe&gt;",
  // Russian ё, Greek tonos / dialytika / final sigma, Persian yeh and keheh, Arabic-Indic and Persian digits,
  // Hebrew points (20261206003000), alone (the regular-expression path) and with a Latin fold.
  "Её ёлка ЁЖИК ещё",
  "Το όνομα ΆΡΧΕΙΟΥ προϊόν ΐ ΰ Ϊ Ϋ ώρα σοφός",
  "فایل کوچک ۱۲۳ صفحه ٤٥٦ ريال",
  "שָׁלוֹם עוֹלָם בֵּית־סֵפֶר",
  "café ёлка όνομα کتاب ١٠ שָׁלוֹם",
  // camelCase identifiers keep their joined word and gain their parts (20261206033000), after folding, before bigrams.
  "getElementById HTTPServer XMLHttpRequest utf8Decode IPv4Address PDFs FAQs URLs iPhone McDonald's os.path.getSize my_varName",
  "caféBar ÉcoleNormale straßeName getX aB A1b ABCDef",
  "lsコマンドでgetElementByIdを表示",
  "",
  // A heading line (at most 120 characters, a blank line after it) counts twice (20261206041500).
  "Parking\n\nFree parking behind the clinic.",
  "Café Étoile\r\n \r\nOpen daily; getElementById",
  "Q: Do you open on Sundays?\nA: No.",
  "\n\nNo heading",
  `${"x".repeat(120)}\n\nbody`,
  `${"é".repeat(121)}\n\nbody`,
  "一覧表示\n\nファイルを表示",
];

describe("frontdesk_search_text", () => {
  it("folds exactly like normalizeSearchText", async () => {
    for (const sample of samples) {
      const rows = await db.prisma.$queryRaw<Array<{ folded: string }>>`SELECT frontdesk_search_text(${sample}) AS folded`;
      expect(rows[0]?.folded).toBe(normalizeSearchText(sample));
    }
    expect(normalizeSearchText("Información niño")).toBe("Informacion nino");
    expect(normalizeSearchText("cp <Quelle> &lt;x&gt;")).toBe("cp  Quelle   lt;x gt;");
    expect(normalizeSearchText("تَعْلِيم الإفطار مدرسة مستشفى")).toBe("تعليم الافطار مدرسه مستشفي");
    expect(normalizeSearchText("ещё ёлка")).toBe("еще елка");
    expect(normalizeSearchText("όνομα ονόματα σοφός προϊόν")).toBe("ονομα ονοματα σοφοσ προιον");
    expect(normalizeSearchText("کتاب یک ۱۰ ٣٠")).toBe("كتاب يك 10 30");
    expect(normalizeSearchText("שָׁלוֹם בֵּית־סֵפֶר")).toBe("שלום בית־ספר");
    // Ukrainian ї and й and Cyrillic и with breve are letters of their own, not accented ones: unchanged.
    expect(normalizeSearchText("їжак йогурт")).toBe("їжак йогурт");
  });

  it("adds the parts of camelCase identifiers after the joined word", () => {
    expect(normalizeSearchText("getElementById")).toBe("getElementById get Element By Id");
    expect(normalizeSearchText("an HTTPServer, XMLHttpRequest or utf8Decode")).toBe("an HTTPServer HTTP Server, XMLHttpRequest XML Http Request or utf8Decode utf8 Decode");
    expect(normalizeSearchText("PDFs, FAQs and URLs; HTTP and Wi-Fi")).toBe("PDFs, FAQs and URLs; HTTP and Wi Fi");
    expect(normalizeSearchText("os.path.getSize my_varName caféBar")).toBe("os path getSize get Size my varName var Name cafeBar cafe Bar");
  });

  it("counts a heading line twice", () => {
    expect(normalizeSearchText("Parking\n\nFree parking.")).toBe("Parking\n\nFree parking \nParking");
    // Wrapped prose and long first lines are not headings.
    expect(normalizeSearchText("Free parking\nbehind the clinic.")).toBe("Free parking\nbehind the clinic ");
    expect(normalizeSearchText(`${"a".repeat(121)}\n\nb`)).toBe(`${"a".repeat(121)}\n\nb`);
  });

  it("cuts CJK text into bigrams", () => {
    expect(normalizeSearchText("ファイルを一覧表示する。")).toBe("ファ ァイ イル ルを を一 一覧 覧表 表示 示す する  ");
    expect(normalizeSearchText("ls -l で表示")).toBe("ls  l  で表 表示");
    expect(normalizeSearchText("日 本")).toBe("日   本");
  });

  it("finds Japanese text by the words of a question", async () => {
    const organizationId = await seedOrganization(db.prisma);
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 384);
    const scope = { organizationId, knowledgeBaseId };
    await seedDocument(db.prisma, scope, "ls", [{ content: "lsコマンドはディレクトリの内容を一覧表示する。", embedding: axisVector(384, 0) }]);
    await seedDocument(db.prisma, scope, "cp", [{ content: "ファイルやディレクトリをコピーする。", embedding: axisVector(384, 1) }]);
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5 });
    // Before, each sentence was one token, so no other wording matched it.
    expect((await search("一覧を表示したい")).map((hit) => hit.documentTitle)).toEqual(["ls"]);
    expect((await search("コピーの方法")).map((hit) => hit.documentTitle)).toEqual(["cp"]);
    expect(await search("天気予報")).toEqual([]);
  });

  it("lets full-text search ignore accents and tashkeel on either side", async () => {
    const organizationId = await seedOrganization(db.prisma);
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 384);
    const scope = { organizationId, knowledgeBaseId };
    await seedDocument(db.prisma, scope, "es", [{ content: "Más información sobre la facturación", embedding: axisVector(384, 0) }]);
    await seedDocument(db.prisma, scope, "ar", [{ content: "يُقدَّم الإفطار في المطعم", embedding: axisVector(384, 1) }]);
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5 });
    for (const query of ["informacion facturacion", "INFORMACIÓN", "informacio\u0301n"]) {
      expect((await search(query)).map((hit) => hit.documentTitle), query).toEqual(["es"]);
    }
    for (const query of ["الافطار", "الإفْطَار", "يقدم"]) {
      expect((await search(query)).map((hit) => hit.documentTitle), query).toEqual(["ar"]);
    }
    expect(await search("المَسْبَح")).toEqual([]);
    expect(await search("كلمة مرور")).toEqual([]);
  });

  it("lets ё / е, Greek accents, Persian and Arabic letters and digits, and Hebrew points match either way", async () => {
    const organizationId = await seedOrganization(db.prisma);
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 384);
    const scope = { organizationId, knowledgeBaseId };
    await seedDocument(db.prisma, scope, "ru", [{ content: "Её ёлка стоит в зелёном зале", embedding: axisVector(384, 0) }]);
    await seedDocument(db.prisma, scope, "el", [{ content: "Αλλάξτε το όνομα του αρχείου", embedding: axisVector(384, 1) }]);
    await seedDocument(db.prisma, scope, "fa", [{ content: "قیمت کتاب ۲۵ هزار تومان است", embedding: axisVector(384, 2) }]);
    await seedDocument(db.prisma, scope, "he", [{ content: "שָׁלוֹם לְכֻלָּם בַּמִּשְׂרָד", embedding: axisVector(384, 3) }]);
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5 });
    const cases: Array<[string, string]> = [
      ["елка в зеленом", "ru"],
      ["ёлка", "ru"],
      ["ονομα αρχειου", "el"],
      ["ονόματος όνομα", "el"],
      ["قيمت كتاب", "fa"],
      ["25 تومان", "fa"],
      ["שלום", "he"],
      ["בַּמִּשְׂרָד", "he"],
    ];
    for (const [query, title] of cases) expect((await search(query)).map((hit) => hit.documentTitle), query).toEqual([title]);
  });

  it("splits dotted names, paths, addresses and hyphenated words into words, on both sides", async () => {
    expect(normalizeSearchText("os.path.join /usr/lib info@hotel.example file-like v2.0")).toBe("os path join  usr lib info hotel example file like v2 0");
    const organizationId = await seedOrganization(db.prisma);
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 384);
    const scope = { organizationId, knowledgeBaseId };
    await seedDocument(db.prisma, scope, "code", [{ content: "Call os.path.join() to build paths under /usr/lib.", embedding: axisVector(384, 0) }]);
    await seedDocument(db.prisma, scope, "contact", [{ content: "Write to reservations@hotel.example for a late check-in.", embedding: axisVector(384, 1) }]);
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5 });
    // Before, the default parser kept "os.path.join", "/usr/lib" and the address as single tokens.
    for (const query of ["join paths", "lib folder", "os.path"]) expect((await search(query)).map((hit) => hit.documentTitle), query).toEqual(["code"]);
    for (const query of ["reservations", "late check in", "check-in", "hotel.example"]) {
      expect((await search(query)).map((hit) => hit.documentTitle), query).toEqual(["contact"]);
    }
  });

  it("finds an identifier by its words and whole, and searches a question's identifiers whole", async () => {
    const organizationId = await seedOrganization(db.prisma);
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 384);
    const scope = { organizationId, knowledgeBaseId };
    await seedDocument(db.prisma, scope, "dom", [{ content: "Call document.getElementById() to find the node.", embedding: axisVector(384, 0) }]);
    await seedDocument(db.prisma, scope, "gnu", [{ content: "The GNU project writes free software.", embedding: axisVector(384, 1) }]);
    await seedDocument(db.prisma, scope, "pg", [{ content: "GnuPG signs and encrypts mail.", embedding: axisVector(384, 2) }]);
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5 });
    // Before, "getElementById" was one word: only the identifier itself found it.
    for (const query of ["get element by id", "getelementbyid", "getElementById"]) expect((await search(query)).map((hit) => hit.documentTitle), query).toEqual(["dom"]);
    // The question's identifier is not split: "GnuPG" does not also search "gnu".
    expect((await search("GnuPG")).map((hit) => hit.documentTitle)).toEqual(["pg"]);
    expect((await search("gnu")).map((hit) => hit.documentTitle).sort()).toEqual(["gnu", "pg"]);
  });

  it("ranks a chunk whose heading holds the question's word above one that mentions it once", async () => {
    const organizationId = await seedOrganization(db.prisma);
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 384);
    const scope = { organizationId, knowledgeBaseId };
    // The same words and length; only the heading differs.
    await seedDocument(db.prisma, scope, "mentions", [{ content: "Opening hours\n\nParking is free; weekdays nine to five.", embedding: axisVector(384, 0) }]);
    await seedDocument(db.prisma, scope, "about", [{ content: "Parking\n\nOpening hours are free; weekdays nine to five.", embedding: axisVector(384, 1) }]);
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5 });
    expect((await search("parking")).map((hit) => hit.documentTitle)).toEqual(["about", "mentions"]);
    expect((await search("opening hours")).map((hit) => hit.documentTitle)).toEqual(["mentions", "about"]);
  });

  it("indexes the words of placeholders, angle-bracketed addresses and entities", async () => {
    const organizationId = await seedOrganization(db.prisma);
    const knowledgeBaseId = await seedKnowledgeBase(db.prisma, organizationId, 384);
    const scope = { organizationId, knowledgeBaseId };
    await seedDocument(db.prisma, scope, "usage", [{ content: "Usage: cp <source> <destination>", embedding: axisVector(384, 0) }]);
    await seedDocument(db.prisma, scope, "contact", [{ content: "Front desk <frontdesk@clinic.example>, parking &amp; access", embedding: axisVector(384, 1) }]);
    const search = (query: string) => fullTextSearch(db.prisma, { organizationId, knowledgeBaseIds: [knowledgeBaseId], query, limit: 5 });
    // Before, the parser read "<destination>" as an XML tag and "&amp;" as an entity, and indexed neither.
    expect((await search("destination")).map((hit) => hit.documentTitle)).toEqual(["usage"]);
    for (const query of ["clinic.example", "frontdesk", "parking access"]) expect((await search(query)).map((hit) => hit.documentTitle), query).toEqual(["contact"]);
  });
});
