/**
 * Where a workspace's bytes are kept: the browser's own storage for this site, on this device. Two kinds, tried
 * in this order: the origin private file system (OPFS), then IndexedDB. Neither sends anything anywhere.
 */
export interface StorageBackend {
  readonly kind: 'opfs' | 'indexeddb';
  get(key: string): Promise<Uint8Array | null>;
  /** Stores the bytes, or a Blob's content (a File as the person chose it is stored without copying it). */
  put(key: string, data: Uint8Array | Blob): Promise<void>;
  delete(key: string): Promise<void>;
  keys(): Promise<string[]>;
  /** Removes every trace: the entries and the directory or database that held them. */
  destroy(): Promise<void>;
}

export type StorageProblemKind = 'full' | 'blocked' | 'damaged' | 'failed';

/** A storage failure put in words a person can act on; the session keeps working without storage. */
export class StorageProblem extends Error {
  constructor(
    readonly kind: StorageProblemKind,
    message: string,
  ) {
    super(message);
    this.name = 'StorageProblem';
  }
}

export const STORAGE_MESSAGES: Record<StorageProblemKind, string> = {
  full:
    'Your files are loaded for this visit, but they could not be stored on this device: the space this browser allows the ' +
    'page is full. Free some space, or forget other stored data, then load them again to keep them.',
  blocked:
    'This browser does not let the page store data (for example in a private window, or with site data blocked in its ' +
    'settings), so files you load are kept for this visit only and are gone when the page is closed.',
  damaged:
    'The workspace stored on this device could not be read, so it was not opened. Forget the stored data, then load your ' +
    'files again.',
  failed:
    'Your files are loaded for this visit, but storing them on this device failed, so they will be gone when the page is closed.',
};

/** Names the failure of a storage call: full, blocked, or something else that went wrong. */
export function storageProblemOf(e: unknown, fallback: StorageProblemKind = 'failed'): StorageProblem {
  if (e instanceof StorageProblem) return e;
  const name = e instanceof DOMException || e instanceof Error ? e.name : '';
  const kind: StorageProblemKind =
    name === 'QuotaExceededError'
      ? 'full'
      : name === 'SecurityError' || name === 'NotAllowedError' || name === 'InvalidStateError'
        ? 'blocked'
        : fallback;
  const detail = e instanceof Error && e.message ? ` (${e.message})` : '';
  return new StorageProblem(kind, `${STORAGE_MESSAGES[kind]}${kind === fallback && kind !== 'damaged' ? detail : ''}`);
}
