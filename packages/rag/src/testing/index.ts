export { buildPdf, buildImageOnlyPdf, buildDocx, encodeUtf8, type PdfFixture, type DocxFixture } from "./document-fixtures";
