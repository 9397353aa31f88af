/*
 * The demo snapshot built once per version of its inputs, not once per build and per test file: loading the demo
 * and protecting its whole cube for every audience takes tens of seconds on the real engine. The build
 * (vite.config.ts) and the unit tests' pre-protected demo (test/fixtures/demo-snapshot-cache.ts) both take it from
 * here, so CI builds it once. The file is what scripts/build-demo-snapshot.ts writes (checked to restore whole),
 * kept under a name made from a hash of everything that could change it, so it can never be stale: the demo files,
 * every source file, the build script, this file and the installed packages' lock.
 *
 * This module imports no engine: vite.config.ts loads it, and the snapshot is built in a Node process of its own.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { DEMO_FILE_NAMES } from '../src/session/demo-file-names.ts';

// From the file's own path, not `new URL(..., import.meta.url)`: jsdom's URL, in component tests, is not Node's.
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Shared by every worktree and run on this machine; a different input gives a different name. */
const CACHE_DIR = process.env.VRN_TEST_CACHE ?? join(tmpdir(), 'vrn-dashboard-test-cache');

/** How long another process may hold the build lock before it is taken as dead (a build takes under two minutes). */
const STALE_LOCK_MS = 10 * 60_000;

/** The files whose change could change the snapshot, under a checkout's root. */
function inputFiles(root: string): string[] {
  return [
    ...DEMO_FILE_NAMES.map((name) => join(root, 'data', name)),
    ...filesUnder(join(root, 'src')),
    join(root, 'scripts', 'build-demo-snapshot.ts'),
    join(root, 'scripts', 'demo-snapshot-cache.ts'),
    join(root, 'package-lock.json'),
  ];
}

/** A hash of the names and contents of every file whose change could change the snapshot. */
export function demoInputsHash(root: string): string {
  const hash = createHash('sha256');
  for (const file of inputFiles(root)) {
    hash.update(relative(root, file));
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  return hash.digest('hex').slice(0, 20);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .flatMap((e) => (e.isDirectory() ? filesUnder(join(dir, e.name)) : e.isFile() ? [join(dir, e.name)] : []));
}

let inputsHash: string | null = null;

/** Where this checkout's snapshot is cached, and the lock held while it is made. */
export function demoSnapshotPlace(): { file: string; lock: string } {
  inputsHash ??= demoInputsHash(ROOT);
  const file = join(CACHE_DIR, `demo-${inputsHash}.bin`);
  return { file, lock: `${file}.lock` };
}

/** Writes the snapshot to the given file; returns a line to report. */
export type SnapshotMaker = (out: string) => Promise<string>;

/** scripts/build-demo-snapshot.ts in a Node process of its own (this module imports no engine). */
const buildInProcess: SnapshotMaker = async (out) => {
  const { stdout } = await promisify(execFile)(
    process.execPath,
    ['--import', 'tsx', join(ROOT, 'scripts', 'build-demo-snapshot.ts'), out],
    { cwd: ROOT, maxBuffer: 16 * 1024 * 1024 },
  ).catch((e: unknown) => {
    // The script prints only its reason (for example: data/ holds data that are not synthetic).
    const stderr = (e as { stderr?: string }).stderr?.trim();
    throw new Error(stderr || (e instanceof Error ? e.message : String(e)));
  });
  return stdout.trim().split('\n').at(-1) ?? '';
};

/**
 * The snapshot file for this checkout's inputs, made first if there is none (by scripts/build-demo-snapshot.ts
 * unless `make` is given; its line is passed to `say`). Refuses, as that script does, data that are not synthetic.
 * The lock is held while it is made, so every other process asking meanwhile waits for this one's file.
 */
export async function cachedDemoSnapshotFile(
  say: (line: string) => void = () => undefined,
  make: SnapshotMaker = buildInProcess,
): Promise<string> {
  mkdirSync(CACHE_DIR, { recursive: true });
  const { file, lock } = demoSnapshotPlace();
  if (existsSync(file)) return file;
  await underLock(lock, async () => {
    if (existsSync(file)) return; // another process built it while this one waited
    // Written whole under another name first, so a reader never sees half a file.
    const partial = `${file}.${process.pid}.partial`;
    try {
      say(await make(partial));
      renameSync(partial, file);
    } finally {
      rmSync(partial, { force: true });
    }
  });
  return file;
}

/**
 * Runs `build` while holding a lock directory (made atomically), so parallel test workers and a build running
 * beside them make the snapshot once; the others wait for it. A lock left by a process that has died, or held too
 * long, is taken over.
 */
export async function underLock(lock: string, build: () => Promise<void>): Promise<void> {
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      if (lockIsDead(lock)) rmSync(lock, { recursive: true, force: true });
      else await new Promise((r) => setTimeout(r, 250));
    }
  }
  try {
    writeFileSync(join(lock, 'pid'), String(process.pid));
    await build();
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function lockIsDead(lock: string): boolean {
  try {
    if (Date.now() - statSync(lock).mtimeMs > STALE_LOCK_MS) return true;
    const pid = Number(readFileSync(join(lock, 'pid'), 'utf8'));
    process.kill(pid, 0);
    return false;
  } catch (e) {
    // No pid file yet: the holder has only just made the lock. ESRCH: the holder is gone.
    const code = (e as NodeJS.ErrnoException).code;
    return code === 'ESRCH';
  }
}
