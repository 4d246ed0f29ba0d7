/**
 * Builds ecuries-trois-chenes-fr/reglement.pdf, the PDF of that (French) answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-troischenes-reglement-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Écuries des Trois Chênes - règlement intérieur et conditions d'inscription

Inscription
L'inscription est valable pour la saison, de septembre à juin. Elle n'est définitive qu'après le retour de la fiche d'inscription signée, du paiement du forfait et de la licence. Un certificat médical n'est plus demandé pour les mineurs ; les adultes remplissent un questionnaire de santé.

Absences et rattrapages
Toute absence doit être signalée au moins 48 heures à l'avance pour pouvoir être rattrapée. Les cours rattrapables se font dans un autre créneau de même niveau, dans un délai d'un mois. Une absence non prévenue n'est ni rattrapée ni remboursée.

Remboursement
Les forfaits ne sont pas remboursables, sauf en cas de déménagement à plus de 50 km ou de blessure empêchant de monter plus d'un mois, sur justificatif. Le remboursement se fait alors au prorata des cours restants, moins 50 € de frais de dossier. La licence et l'adhésion ne sont jamais remboursées.

Sécurité
Le port de la bombe aux normes est obligatoire à cheval, y compris pour les propriétaires. Les enfants restent sous la responsabilité des parents en dehors des heures de cours. Il est interdit de fumer dans les écuries et près du foin. Les chiens sont acceptés tenus en laisse, jamais dans le manège.

Assurance
La licence FFE comprend une assurance responsabilité civile. Nous conseillons aux cavaliers de souscrire une assurance individuelle accident complémentaire. Les propriétaires doivent assurer leur cheval en responsabilité civile.

Pensions
Le préavis pour quitter la pension est d'un mois. Tout nouveau cheval doit être vacciné contre la grippe équine et la rhinopneumonie et présenter son carnet de vaccination à jour avant son arrivée. Le tarif de la pension est révisé chaque année en septembre.

Droit à l'image
Des photos des cours peuvent être publiées sur notre page Facebook. Si vous ne le souhaitez pas, il suffit de le signaler au secrétariat.`;

const bytes = await buildPdf({ title: "Écuries des Trois Chênes - règlement intérieur", pages: [page] });
await writeFile(fileURLToPath(new URL("./ecuries-trois-chenes-fr/reglement.pdf", import.meta.url)), bytes);
console.log(`reglement.pdf: ${bytes.length} bytes`);
