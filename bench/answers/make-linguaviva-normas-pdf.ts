/**
 * Builds lingua-viva-valencia-es/normas.pdf, the PDF of the Spanish answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-linguaviva-normas-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Academia Lingua Viva – Normas de la academia y condiciones de matrícula

Matrícula
La plaza queda reservada al pagar la matrícula de 40 €. La matrícula no se devuelve, salvo si el grupo no llega a abrirse por falta de alumnos.

Bajas
Para darse de baja hay que avisar por escrito antes del día 25 del mes anterior. Si no se avisa a tiempo, se cobrará la mensualidad siguiente.

Clases perdidas
Las clases de grupo perdidas no se recuperan ni se descuentan de la mensualidad. Las clases particulares se pueden cambiar de día avisando con 24 horas de antelación; si se avisa más tarde, la clase se cobra.

Puntualidad
Quien llegue con más de 15 minutos de retraso puede entrar en el aula, pero la clase no se alarga.

Exámenes oficiales
La academia no es centro examinador. Las tasas de los exámenes de Cambridge y DELF se pagan aparte, directamente a la entidad examinadora.

Objetos perdidos
Guardamos los objetos olvidados en la secretaría durante un mes.

Menores
Los niños menores de 12 años deben ser recogidos por un adulto autorizado en la puerta del aula.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the Spanish accented letters, ñ, ¿, ¡, the euro sign and the en dash.
const bytes = await buildPdf({ title: "Academia Lingua Viva – Normas de la academia", pages: [page] });
await writeFile(fileURLToPath(new URL("./lingua-viva-valencia-es/normas.pdf", import.meta.url)), bytes);
console.log(`normas.pdf: ${bytes.length} bytes`);
