/**
 * Builds haarwerk-freiburg-de/salonregeln.pdf, the PDF of the German answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-haarwerk-salonregeln-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Friseursalon Haarwerk – Salonregeln und Stornobedingungen

Terminabsage
Bitte sagen Sie Termine mindestens 24 Stunden vorher ab, telefonisch, per WhatsApp oder online. Bei späterer Absage oder wenn Sie nicht erscheinen, berechnen wir 50 % des gebuchten Preises. Bei Farbterminen ab 3 Stunden verlangen wir eine Anzahlung von 30 €, die bei rechtzeitiger Absage zurückerstattet wird.

Verspätung
Wenn Sie mehr als 15 Minuten zu spät kommen, müssen wir den Termin eventuell kürzen oder verschieben, damit die nächste Kundin nicht warten muss.

Allergietest
Vor der ersten Färbung bei uns machen wir einen Allergietest. Er dauert fünf Minuten und muss mindestens 48 Stunden vor dem Farbtermin stattfinden. Der Test ist kostenlos.

Nachbesserung
Sind Sie mit Ihrem Schnitt oder Ihrer Farbe nicht zufrieden, melden Sie sich bitte innerhalb von 7 Tagen. Wir bessern kostenlos nach. Eine Erstattung des Preises ist nicht möglich.

Kinder
Kinder unter 14 Jahren kommen bitte in Begleitung eines Erwachsenen.

Fundsachen
Liegengebliebene Sachen bewahren wir vier Wochen auf.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the euro sign, the German umlauts, ß and the en dash.
const bytes = await buildPdf({ title: "Friseursalon Haarwerk – Salonregeln und Stornobedingungen", pages: [page] });
await writeFile(fileURLToPath(new URL("./haarwerk-freiburg-de/salonregeln.pdf", import.meta.url)), bytes);
console.log(`salonregeln.pdf: ${bytes.length} bytes`);
