import type { StorageBackend } from './storage-backend';

const DIRECTORY = 'vrn-workspace';

const missing = (e: unknown) => e instanceof DOMException && e.name === 'NotFoundError';

/**
 * The origin private file system: files in a directory of the browser's own, for this site only. Needs writable
 * streams on the page's own thread (not every browser has them: then IndexedDB is used instead). The directory is
 * made at the first save, so forgetting it leaves nothing behind.
 */
export async function openOpfsBackend(storage: StorageManager | undefined): Promise<StorageBackend> {
  if (typeof storage?.getDirectory !== 'function') throw new Error('no origin private file system');
  const root = await storage.getDirectory();
  // Probe what writing needs, so a browser that cannot write here is found now, not at the first save.
  const probeName = `${DIRECTORY}-probe`;
  const probe = await root.getFileHandle(probeName, { create: true });
  const writable = typeof probe.createWritable === 'function';
  await root.removeEntry(probeName);
  if (!writable) throw new Error('no writable files in the origin private file system');

  const directory = async (create: boolean) => {
    try {
      return await root.getDirectoryHandle(DIRECTORY, { create });
    } catch (e) {
      if (missing(e)) return null;
      throw e;
    }
  };
  return {
    kind: 'opfs',
    async get(key) {
      try {
        const file = await (await (await directory(false))?.getFileHandle(key))?.getFile();
        return file ? new Uint8Array(await file.arrayBuffer()) : null;
      } catch (e) {
        if (missing(e)) return null;
        throw e;
      }
    },
    async put(key, data) {
      const handle = await (await directory(true))!.getFileHandle(key, { create: true });
      // The new content replaces the old only when the stream closes: a failed write leaves the old file whole.
      const stream = await handle.createWritable();
      try {
        await stream.write(data as Uint8Array<ArrayBuffer> | Blob);
        await stream.close();
      } catch (e) {
        await stream.abort().catch(() => undefined);
        throw e;
      }
    },
    async delete(key) {
      try {
        await (await directory(false))?.removeEntry(key);
      } catch (e) {
        if (!missing(e)) throw e;
      }
    },
    async keys() {
      const dir = await directory(false);
      const out: string[] = [];
      if (dir) for await (const name of (dir as unknown as { keys(): AsyncIterable<string> }).keys()) out.push(name);
      return out;
    },
    async destroy() {
      try {
        await root.removeEntry(DIRECTORY, { recursive: true });
      } catch (e) {
        if (!missing(e)) throw e;
      }
    },
  };
}
