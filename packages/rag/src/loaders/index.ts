export { extractText, type ExtractTextInput, type ExtractedText, type ExtractedPage } from "./extract-text";
export { ExtractionError, type ExtractionErrorCode } from "./extraction-error";
export { detectDocumentType, documentMimeTypes, SUPPORTED_FORMATS, type DocumentType } from "./document-types";
export { htmlToText, htmlTitle } from "./html-to-text";
export {
  readCsvTable,
  readFaqCsv,
  findFaqColumns,
  rowToText,
  recordToText,
  extractCsv,
  extractJsonLines,
  type CsvTable,
  type CsvFaqRow,
  type FaqColumns,
} from "./tabular";
export { DEFAULT_MAX_EXPANDED_BYTES, type ExpansionLimits } from "./expansion-limits";
