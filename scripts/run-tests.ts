/**
 * `npm test`: the unit and component tests (Vitest) and the end-to-end tests (a build, then Playwright) side by
 * side, failing if either fails. The end-to-end run spends most of its time waiting on the page: in CI, one after
 * the other, the whole of `npm test` averaged about one core of two, the unit run keeping both busy and the
 * end-to-end run about half of one. Beside the unit run it costs little.
 *
 * The end-to-end build restores the demo snapshot the unit run's demo-snapshot.test.ts makes on a fresh checkout
 * (scripts/demo-snapshot-cache.ts), so it starts once that file holds the snapshot's lock or the snapshot exists:
 * started first, the build would make the snapshot in a process of its own and the test would load the demo again
 * for itself. Vitest's output is shown as it comes; Playwright's is kept until the unit run ends, then shown.
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { demoSnapshotPlace } from './demo-snapshot-cache';

/** How long to wait for the unit run to take the snapshot's lock (a filtered run may never take it). */
const SNAPSHOT_WAIT_MS = 60_000;

function npmRun(script: string, live: () => boolean): { done: Promise<number>; flush: () => void } {
  const child = spawn('npm', ['run', script], { stdio: ['ignore', 'pipe', 'pipe'] });
  const held: [NodeJS.WriteStream, Buffer][] = [];
  const take = (out: NodeJS.WriteStream) => (chunk: Buffer) => {
    if (live()) out.write(chunk);
    else held.push([out, chunk]);
  };
  child.stdout.on('data', take(process.stdout));
  child.stderr.on('data', take(process.stderr));
  return {
    done: new Promise((resolve) => child.on('close', (code) => resolve(code ?? 1))),
    flush: () => {
      for (const [out, chunk] of held.splice(0)) out.write(chunk);
    },
  };
}

let unitEnded = false;
const unit = npmRun('test:unit', () => true);
const unitDone = unit.done.then((code) => {
  unitEnded = true;
  return code;
});

const { file, lock } = demoSnapshotPlace();
const waitUntil = Date.now() + SNAPSHOT_WAIT_MS;
while (!existsSync(file) && !existsSync(lock) && !unitEnded && Date.now() < waitUntil) {
  await new Promise((r) => setTimeout(r, 250));
}
const e2e = npmRun('test:e2e', () => unitEnded);
const unitCode = await unitDone;
e2e.flush();
const e2eCode = await e2e.done;
if (unitCode !== 0 || e2eCode !== 0) {
  console.error(
    `npm test: ${[unitCode !== 0 ? 'unit' : '', e2eCode !== 0 ? 'end-to-end' : ''].filter(Boolean).join(' and ')} tests failed`,
  );
  process.exit(1);
}
