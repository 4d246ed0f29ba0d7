export {
  ConfigDecryptionError,
  decryptConfig,
  type EncryptedConfig,
  encryptConfig,
  needsReencryption,
  reencryptConfig,
} from "./encrypt-config";
export { type Keyring, parseKeyring } from "./keyring";
