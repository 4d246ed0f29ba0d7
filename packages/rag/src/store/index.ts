export { replaceDocumentChunks, type ChunkToStore, type ReplaceDocumentChunksInput } from "./replace-document-chunks";
