/** A sealed value could not be opened: malformed, tampered with, or sealed under another key or context. */
export class DecryptionError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'DecryptionError';
  }
}

/** A data key is wrapped by a master key this process was not given (MASTER_KEY / MASTER_KEY_PREVIOUS). */
export class MasterKeyNotFoundError extends Error {
  readonly masterKeyId: string;
  constructor(masterKeyId: string) {
    super(
      `master key ${masterKeyId} is not in the keyring: set MASTER_KEY or MASTER_KEY_PREVIOUS to the key ` +
        `with this id (ids are the first 16 hex characters of its SHA-256)`,
    );
    this.name = 'MasterKeyNotFoundError';
    this.masterKeyId = masterKeyId;
  }
}
