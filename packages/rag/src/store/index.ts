export {
  replaceDocumentChunks,
  replaceChunksOfDocuments,
  type ChunkToStore,
  type ReplaceDocumentChunksInput,
  type ReplaceChunksOfDocumentsInput,
} from "./replace-document-chunks";
