export {
  saveUpload,
  readUpload,
  deleteUploads,
  resolveUploadPath,
  sanitizeFileName,
  type SaveUploadInput,
} from "./uploads";
