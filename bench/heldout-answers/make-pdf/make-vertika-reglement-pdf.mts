/**
 * Builds vertika-escalade-fr/reglement-interieur.pdf with the repo's PDF fixture builder (pdf-lib, Helvetica).
 * From the repo root: `npx tsx bench/heldout-answers/make-pdf/make-vertika-reglement-pdf.mts`.
 */
import { writeFile } from "node:fs/promises";
import { buildPdf } from "../../../packages/rag/src/testing/index.ts";

const page1 = `Vertika - Règlement intérieur (version du 1er septembre 2026)

Article 1 - Accès à la salle
Toute personne qui grimpe doit avoir signé la fiche d'inscription à l'accueil lors de sa première visite. L'accès aux espaces d'escalade est réservé aux personnes qui ont réglé une entrée, une carte ou un abonnement en cours de validité. La carte d'abonné est personnelle et doit être présentée à chaque passage. En cas de perte, une nouvelle carte est facturée 5 €.

Article 2 - Mineurs
Les enfants de moins de 14 ans doivent être accompagnés et surveillés en permanence par un adulte responsable, qui reste dans la salle. Les jeunes de 14 à 17 ans peuvent grimper sans adulte à condition de présenter une autorisation parentale signée, à télécharger sur notre site ou à remplir à l'accueil. Un adulte ne peut pas surveiller plus de 3 enfants à la fois.

Article 3 - Escalade en voie
L'escalade en voie est réservée aux grimpeurs autonomes (passeport orange ou test validé à l'accueil). Le grimpeur vérifie son nœud et le système d'assurage de son partenaire avant chaque départ. L'escalade en tête se fait uniquement avec une corde d'au moins 40 mètres. Il est interdit de grimper dans un couloir voisin de celui où quelqu'un grimpe en tête.

Article 4 - Escalade en bloc
Ne restez jamais debout ou assis sur les tapis sous un grimpeur. Une seule personne à la fois par bloc. Il est interdit de grimper sur le mur au-dessus de la ligne rouge, qui marque la hauteur maximale de 4,5 mètres.

Article 5 - Hygiène et sécurité
Il est interdit de grimper pieds nus ou en chaussettes. La nourriture et les boissons autres que l'eau sont interdites dans les espaces d'escalade ; elles restent au Relais. Il est interdit de fumer et de vapoter dans tout le bâtiment. Les objets personnels doivent être rangés dans les casiers : les sacs au pied des murs peuvent être retirés par l'équipe.`;

const page2 = `Article 6 - Abonnements
L'abonnement mensuel se résilie par e-mail ou à l'accueil avec un préavis d'un mois. L'abonnement annuel n'est pas remboursable, mais il peut être suspendu une fois par an, pour une durée de 1 à 3 mois, en cas de blessure (sur présentation d'un certificat médical), de grossesse ou de mutation professionnelle. Les entrées et les cartes 10 entrées ne sont ni remboursées ni échangées.

Article 7 - Assurance
Vertika est assurée en responsabilité civile pour l'exploitation de la salle. Cette assurance ne couvre pas les accidents dont vous pourriez être victime en grimpant : nous vous conseillons vivement de souscrire une assurance individuelle accident, par exemple avec la licence FFME.

Article 8 - Photos et vidéos
Vous pouvez filmer et photographier votre propre escalade pour un usage personnel. Les tournages professionnels ou commerciaux demandent l'accord préalable de la direction. L'équipe peut prendre des photos des événements pour nos réseaux sociaux : signalez-le à l'accueil si vous ne souhaitez pas y apparaître.

Article 9 - Non-respect du règlement
L'équipe peut demander à toute personne qui ne respecte pas ce règlement ou qui met les autres en danger de quitter la salle, sans remboursement. En cas de faute grave ou répétée, l'abonnement peut être résilié par Vertika.`;

const bytes = await buildPdf({ title: "Vertika - Règlement intérieur", pages: [page1, page2] });
await writeFile(new URL("../vertika-escalade-fr/reglement-interieur.pdf", import.meta.url), bytes);
console.log(`reglement-interieur.pdf: ${bytes.length} bytes`);
