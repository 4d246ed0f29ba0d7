/**
 * Builds boulderhalle-blockwerk-muenster-de/hallenordnung.pdf, the PDF of that answer set, with the repo's PDF
 * fixture builder (pdf-lib, Helvetica; umlauts, ß, € and the en dash are in WinAnsi). The PDF is committed; rerun
 * this only to change its text: `npx tsx bench/answers/make-blockwerk-hallenordnung-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Boulderhalle Blockwerk – Hallenordnung und Nutzungsbedingungen

1. Nutzung auf eigene Gefahr
Bouldern ist ein Sport mit Verletzungsrisiko. Die Nutzung der Halle erfolgt auf eigene Gefahr. Vor dem ersten Besuch muss jede Person die Nutzungsvereinbarung an der Theke oder online ausfüllen und unterschreiben.

2. Kinder und Jugendliche
Für Kinder unter 14 Jahren haftet die Begleitperson. Eine erwachsene Person darf höchstens drei Kinder beaufsichtigen. Der Kinderbereich ist Kindern bis 10 Jahren vorbehalten; Erwachsene dürfen dort nur zum Helfen auf die Matte.

3. Verhalten auf der Matte
Unter kletternden Personen darf sich niemand aufhalten. Auf der Matte sind Essen, Getränke, Handys und Spielzeug verboten. Ringe, Ketten und Uhren müssen vor dem Klettern abgelegt werden. Springe nicht aus großer Höhe ab, sondern klettere wenn möglich ab.

4. Magnesia
Flüssiges Chalk und Chalkbälle sind erwünscht. Loses Chalkpulver ist nur im Chalkbag erlaubt, nicht in offenen Schalen.

5. Tiere
Hunde und andere Tiere sind in der Halle nicht erlaubt, auch nicht angeleint. Assistenzhunde sind davon ausgenommen.

6. Abos
Das Monatsabo hat keine Mindestlaufzeit und kann mit einer Frist von vier Wochen zum Monatsende gekündigt werden. Das Jahresabo endet automatisch nach zwölf Monaten. Bei einer Verletzung, Krankheit oder Schwangerschaft kann ein Abo für mindestens einen und höchstens sechs Monate pausiert werden; dafür brauchen wir ein ärztliches Attest. 10er-Karten und Abos werden nicht bar erstattet.

7. Kurse
Kurse können bis sieben Tage vor dem ersten Termin kostenlos storniert werden. Danach wird der volle Kurspreis fällig, außer es kommt eine Ersatzperson. Verpasste Termine eines Kurses können nicht nachgeholt werden.

8. Fundsachen
Fundsachen bewahren wir vier Wochen an der Theke auf; danach werden sie gespendet.

9. Hausrecht
Wer gegen die Hallenordnung verstößt oder andere gefährdet, kann ohne Erstattung des Eintritts der Halle verwiesen werden. Personen unter Alkohol- oder Drogeneinfluss dürfen nicht klettern.`;

const bytes = await buildPdf({ title: "Boulderhalle Blockwerk – Hallenordnung", pages: [page] });
await writeFile(
  fileURLToPath(new URL("./boulderhalle-blockwerk-muenster-de/hallenordnung.pdf", import.meta.url)),
  bytes,
);
console.log(`hallenordnung.pdf: ${bytes.length} bytes`);
