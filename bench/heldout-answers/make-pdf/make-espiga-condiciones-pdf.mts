/**
 * Builds panaderia-la-espiga-es/condiciones-encargos.pdf with the repo's PDF fixture builder (pdf-lib, Helvetica;
 * WinAnsi has the accents, ñ, ¿ and the euro sign). Run from the worktree:
 * `npx tsx bench/heldout-answers/make-pdf/make-espiga-condiciones-pdf.mts`.
 */
import { writeFile } from "node:fs/promises";
import { buildPdf } from "../../../packages/rag/src/testing/index.ts";

const page = `Panadería La Espiga - condiciones de los encargos

Cómo hacer un encargo
Los encargos se hacen en la tienda de la calle Zamora, por teléfono o por WhatsApp. Cada tarta tiene su plazo mínimo de encargo, indicado en nuestra lista de tartas. En diciembre conviene encargar con más antelación.

Señal
Para confirmar un encargo de tarta personalizada o de boda pedimos una señal del 30 % del precio. El resto se paga al recoger la tarta.

Cambios y cancelaciones
Puedes cambiar el sabor, el tamaño o el texto de la tarta hasta 72 horas antes de la recogida. Si cancelas con al menos 48 horas de antelación, te devolvemos la señal entera. Si cancelas más tarde, la señal no se devuelve.

Recogida
Los encargos se recogen solo en la tienda de la calle Zamora, a la hora acordada. Si un encargo no se recoge ese mismo día antes del cierre, no se guarda para el día siguiente y no se devuelve el dinero.

Decoración
Podemos escribir un texto de hasta 30 caracteres sobre la tarta sin coste. Una foto impresa en papel de azúcar cuesta 8 € más. No hacemos figuras de personajes con marca registrada.

Alergias
Avísanos de cualquier alergia al hacer el encargo. Todas nuestras tartas pueden contener trazas de frutos secos, huevo, leche y sésamo.

Transporte
Las tartas de boda se entregan y se montan en el lugar de la celebración, dentro de la provincia de Salamanca, por 40 €.`;

const bytes = await buildPdf({ title: "Panadería La Espiga - condiciones de los encargos", pages: [page] });
await writeFile(new URL("../panaderia-la-espiga-es/condiciones-encargos.pdf", import.meta.url), bytes);
console.log(`condiciones-encargos.pdf: ${bytes.length} bytes`);
