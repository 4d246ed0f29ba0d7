/**
 * Builds tanzschule-taktgefuehl-leipzig-de/agb.pdf, the PDF of that answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica; umlauts, ß, € and the en dash are in WinAnsi). The PDF is committed; rerun this
 * only to change its text: `npx tsx bench/answers/make-taktgefuehl-agb-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Tanzschule Taktgefühl Leipzig – Allgemeine Geschäftsbedingungen

1. Anmeldung
Die Anmeldung zu einem Kurs ist verbindlich, sobald wir sie per E-Mail bestätigt haben. Minderjährige brauchen die Unterschrift eines Erziehungsberechtigten.

2. Rücktritt
Bis 14 Tage vor Kursbeginn können Sie kostenlos zurücktreten. Danach berechnen wir 50 % der Kursgebühr, ab dem zweiten Kursabend die volle Gebühr. Sie können jederzeit eine Ersatzperson schicken, dann entstehen keine Kosten.

3. Versäumte Stunden
Verpasste Kursabende können innerhalb von vier Wochen in einem Parallelkurs auf gleichem Niveau nachgeholt werden, nach Absprache mit dem Büro. Eine Erstattung für versäumte Stunden gibt es nicht.

4. Mitgliedschaft im Tanzkreis
Die Mitgliedschaft läuft auf unbestimmte Zeit und kann mit einer Frist von einem Monat zum Monatsende gekündigt werden, in Textform (E-Mail genügt). Bei Krankheit von mehr als vier Wochen kann sie gegen ärztliches Attest ruhen.

5. Ausfall durch die Tanzschule
Fällt ein Kursabend wegen Krankheit des Tanzlehrers aus, wird er nachgeholt. Kommen für einen Kurs weniger als fünf Paare zusammen, können wir ihn absagen; bereits gezahlte Gebühren erstatten wir dann vollständig.

6. Haftung und Garderobe
Für Garderobe und Wertsachen übernehmen wir keine Haftung. Bitte lassen Sie Wertsachen nicht in der Garderobe zurück.

7. Foto- und Videoaufnahmen
Bei Bällen und Tanzpartys fotografieren wir für unsere Webseite. Wer nicht fotografiert werden möchte, sagt bitte vorher im Büro Bescheid. Das Filmen im Unterricht zum eigenen Üben ist am Ende der Stunde erlaubt.`;

const bytes = await buildPdf({ title: "Tanzschule Taktgefühl Leipzig – Allgemeine Geschäftsbedingungen", pages: [page] });
await writeFile(fileURLToPath(new URL("./tanzschule-taktgefuehl-leipzig-de/agb.pdf", import.meta.url)), bytes);
console.log(`agb.pdf: ${bytes.length} bytes`);
