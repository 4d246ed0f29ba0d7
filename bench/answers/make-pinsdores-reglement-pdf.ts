/**
 * Builds camping-les-pins-dores-fr/reglement.pdf, the PDF of that (French) answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-pinsdores-reglement-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Camping Les Pins Dorés - règlement intérieur et conditions de réservation

Réservation et acompte
Toute réservation est confirmée après le paiement d'un acompte de 30 % du séjour et de 20 € de frais de dossier. Le solde est à régler 30 jours avant l'arrivée pour les locations, et le jour de l'arrivée pour les emplacements.

Annulation
En cas d'annulation plus de 30 jours avant l'arrivée, l'acompte est remboursé, moins les frais de dossier. À moins de 30 jours de l'arrivée, les sommes versées restent acquises au camping. Nous vous conseillons de souscrire l'assurance annulation proposée lors de la réservation (3,5 % du séjour).

Arrivées et départs
Les emplacements doivent être libérés avant 12h le jour du départ, les locations entre 8h et 10h. Dans les locations, une caution de 300 € et une caution ménage de 80 € sont demandées à l'arrivée ; elles sont rendues après l'état des lieux de sortie.

Silence et circulation
Le silence est de rigueur entre 23h et 7h. La barrière est fermée pendant ces heures : les véhicules restent alors sur le parking extérieur. La vitesse est limitée à 10 km/h dans le camping.

Visiteurs
Les visiteurs sont admis de 9h à 22h après passage à l'accueil, moyennant la redevance visiteur. Leur voiture reste sur le parking extérieur.

Espace aquatique
L'accès est réservé aux clients du camping, sur présentation du bracelet remis à l'arrivée. Les enfants de moins de 12 ans doivent être accompagnés d'un adulte.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the French accented letters and the euro sign.
const bytes = await buildPdf({ title: "Camping Les Pins Dorés - règlement intérieur", pages: [page] });
await writeFile(fileURLToPath(new URL("./camping-les-pins-dores-fr/reglement.pdf", import.meta.url)), bytes);
console.log(`reglement.pdf: ${bytes.length} bytes`);
