// `npm run soak:queue`: the randomized crash run at length (default 200 kills; SOAK_KILLS to change).
// Kills the queue worker with SIGKILL at random moments and hook points, restarts it, and checks the
// simulator's records after each desk's run: every filing exactly once, every cancel applied once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { seededRandom } from '../../main/platform/sim/faults';
import { startSimulator } from '../../main/platform/sim/server';
import { randomizedCrashRun } from './fixtures/crash-driver';
import { compareWithPlatform, DISTINCT_REFERRALS, openSimDesk } from './sim';

const kills = Number(process.env.SOAK_KILLS ?? 200);
const seed = Number(process.env.SOAK_SEED ?? Date.now() % 100_000);

async function main(): Promise<void> {
  const sim = await startSimulator({ behaviour: { includeSerialIn5304: true } });
  const dirs: string[] = [];
  let uploaded = 0;
  let cancelled = 0;
  try {
    const counts = await randomizedCrashRun({
      kills,
      simUrl: sim.url,
      maxFilings: DISTINCT_REFERRALS,
      random: seededRandom(seed),
      newEpoch: async () => {
        sim.reset();
        const dir = mkdtempSync(join(tmpdir(), 'desk-soak-'));
        dirs.push(dir);
        (await openSimDesk(sim, {}, dir)).desk.close();
        return {
          dataDir: dir,
          verify: async () => {
            const d = await openSimDesk(sim, {}, dir);
            const cmp = compareWithPlatform(d.desk, sim);
            d.desk.close();
            const problems = cmp.missing.length + cmp.extra.length + cmp.notCancelled.length + cmp.wrongSerial.length;
            if (problems) throw new Error(`not exactly once: ${JSON.stringify(cmp)}`);
            uploaded += cmp.uploaded;
            cancelled += cmp.cancelled;
          },
        };
      },
      onRound: (c) => {
        if (c.rounds % 25 === 0) console.log(`  round ${c.rounds}: ${c.kills} kills`);
      },
    });
    console.log(`soak:queue seed=${seed} ${JSON.stringify(counts)}`);
    console.log(`exactly once: OK (uploaded ${uploaded}, cancelled ${cancelled}; nothing missing, nothing twice)`);
  } finally {
    await sim.close();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
