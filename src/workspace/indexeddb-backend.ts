import type { StorageBackend } from './storage-backend';

const DATABASE = 'vrn-workspace';
const STORE = 'files';

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('the browser database refused the request'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error ?? new Error('the browser database refused the change'));
    tx.onabort = () => reject(tx.error ?? new Error('the browser database gave up the change'));
  });
}

function openDatabase(idb: IDBFactory): Promise<IDBDatabase> {
  const open = idb.open(DATABASE, 1);
  open.onupgradeneeded = () => open.result.createObjectStore(STORE);
  return new Promise<IDBDatabase>((resolve, reject) => {
    open.onsuccess = () => {
      const db = open.result;
      // Another copy of the page forgetting the data deletes the database: let it.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    open.onerror = () => reject(open.error ?? new Error('IndexedDB could not be opened'));
    open.onblocked = () => reject(new Error('IndexedDB is in use by another copy of the page'));
  });
}

/**
 * IndexedDB, for browsers without a usable origin private file system: one object store of byte arrays. The
 * database is opened when first needed, so forgetting it (deleting the database) leaves nothing behind until the
 * next save.
 */
export async function openIndexedDbBackend(idb: IDBFactory | undefined): Promise<StorageBackend> {
  if (!idb) throw new Error('no IndexedDB');
  let db: Promise<IDBDatabase> | null = openDatabase(idb);
  await db;
  const connection = () => (db ??= openDatabase(idb));
  const store = async (mode: IDBTransactionMode) => {
    const tx = (await connection()).transaction(STORE, mode);
    return { tx, files: tx.objectStore(STORE) };
  };
  return {
    kind: 'indexeddb',
    async get(key) {
      const value: unknown = await request((await store('readonly')).files.get(key));
      if (value instanceof Blob) return new Uint8Array(await value.arrayBuffer());
      return value instanceof Uint8Array ? value : value instanceof ArrayBuffer ? new Uint8Array(value) : null;
    },
    async put(key, data) {
      const { tx, files } = await store('readwrite');
      files.put(data, key);
      await done(tx);
    },
    async delete(key) {
      const { tx, files } = await store('readwrite');
      files.delete(key);
      await done(tx);
    },
    async keys() {
      return (await request((await store('readonly')).files.getAllKeys())).map(String);
    },
    async destroy() {
      const open = db;
      db = null;
      (await open?.catch(() => null))?.close();
      await request(idb.deleteDatabase(DATABASE));
    },
  };
}
