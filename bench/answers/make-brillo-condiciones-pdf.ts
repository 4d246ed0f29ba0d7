/**
 * Builds lavadero-brillo-zaragoza-es/condiciones.pdf, the PDF of that answer set, with the repo's PDF fixture
 * builder (pdf-lib, Helvetica). The PDF is committed; rerun this only to change its text:
 * `npx tsx bench/answers/make-brillo-condiciones-pdf.ts`.
 */
import { writeFile } from "node:fs/promises";
import { fileURLToPath } from "node:url";
import { buildPdf } from "@frontdesk/rag/testing";

const page = `Lavadero Brillo – Condiciones del servicio

Citas y anulaciones
Las citas para tapicería, pulido, detallado y tratamiento cerámico se confirman con una señal de 30 € por Bizum, que se descuenta del precio final. Puedes cambiar o anular la cita sin coste hasta 24 horas antes. Si anulas con menos de 24 horas o no vienes, pierdes la señal.

Retrasos
Si llegas más de 20 minutos tarde a una cita, intentaremos atenderte ese mismo día, pero puede que tengas que esperar o dejar el coche hasta la tarde.

Estado del vehículo
Antes de empezar revisamos el coche contigo y anotamos los golpes, arañazos y daños que ya tenga. No lavamos vehículos con la pintura levantada, cristales rotos o piezas sueltas, porque el agua a presión puede empeorarlos.

Daños
Si dañamos tu vehículo durante el servicio, nuestro seguro de responsabilidad civil cubre la reparación en un taller de tu elección. Tienes que avisarnos antes de salir del local; las reclamaciones posteriores no se aceptan.

Objetos personales
Guardamos en una bolsa con tu nombre lo que encontremos en el coche y te lo entregamos con las llaves. No respondemos de dinero, joyas ni aparatos electrónicos que se dejen dentro.

Garantía del tratamiento cerámico
El tratamiento cerámico tiene 3 años de garantía si haces una revisión gratuita en nuestro local cada 12 meses. La garantía no cubre arañazos, golpes ni daños por productos químicos de otros lavaderos.

Vehículos no recogidos
Los vehículos que no se recojan en los 3 días siguientes al aviso pagarán 10 € por día de estancia.`;

// Helvetica in pdf-lib encodes WinAnsi, which has the Spanish accented letters, ñ, ¿, ¡, the euro sign and the en dash.
const bytes = await buildPdf({ title: "Lavadero Brillo – Condiciones del servicio", pages: [page] });
await writeFile(fileURLToPath(new URL("./lavadero-brillo-zaragoza-es/condiciones.pdf", import.meta.url)), bytes);
console.log(`condiciones.pdf: ${bytes.length} bytes`);
