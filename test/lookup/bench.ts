// Catalogue search at a national catalogue's size: 40 000 diagnoses and 5 000 cached institutions in a
// real desk database, then p50/p95 of each search kind over 200 runs. Run: npx tsx test/lookup/bench.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openMigrated } from '../../db/migrate';
import { replaceDiagnoses, saveInstitutions, searchDiagnoses, searchInstitutions, type CachedInstitution } from '../../db/repositories/lookup';
import { nameInitials } from '../../shared/domain/pinyin';

const WORDS = ['恶性肿瘤', '急性心肌梗死', '慢性肾脏病', '肺炎', '脑梗死', '糖尿病', '高血压', '骨折', '白血病', '阑尾炎'];
const PARTS = ['肺', '胃', '肝', '乳腺', '结肠', '胰腺', '肾', '膀胱', '甲状腺', '食管', '左侧', '右侧', '双侧', '多发性', '继发性'];

function percentiles(fn: () => unknown): { p50: number; p95: number } {
  const times: number[] = [];
  for (let i = 0; i < 200; i += 1) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: times[100]!, p95: times[190]! };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'lookup-bench-'));
  const { handle } = await openMigrated(join(dir, 'desk.sqlite'), { backupDir: join(dir, 'backups') });
  try {
    const diagnoses = Array.from({ length: 40_000 }, (_, i) => {
      const name = `${PARTS[i % PARTS.length]}${PARTS[(i * 7) % PARTS.length]}${WORDS[i % WORDS.length]}${i % 97}型`;
      return { code: `${String.fromCharCode(65 + (i % 26))}${String(i % 100).padStart(2, '0')}.${String(i).padStart(5, '0')}`, name, initials: nameInitials(name) };
    });
    const started = performance.now();
    handle.sqlite.transaction(() => replaceDiagnoses(handle.db, diagnoses, new Date().toISOString())).immediate();
    console.log(`store 40000 diagnoses: ${Math.round(performance.now() - started)} ms`);
    const institutions: CachedInstitution[] = Array.from({ length: 5_000 }, (_, i) => {
      const name = `${PARTS[i % PARTS.length]}演练第${i}人民医院`;
      return { code: `H${String(110000 + (i % 300) * 100)}${String(i).padStart(5, '0')}`, name, initials: nameInitials(name), regionCode: null, level: null, kind: 'medical' };
    });
    handle.sqlite.transaction(() => saveInstitutions(handle.db, 'bench', institutions, new Date().toISOString())).immediate();
    const runs: [string, () => unknown][] = [
      ['diagnosis code prefix (C34)', () => searchDiagnoses(handle.db, { text: 'C34', initials: '', limit: 20 })],
      ['diagnosis name (恶性肿瘤)', () => searchDiagnoses(handle.db, { text: '恶性肿瘤', initials: '', limit: 20 })],
      ['diagnosis pinyin initials (fexzl)', () => searchDiagnoses(handle.db, { text: 'fexzl', initials: 'fexzl', limit: 20 })],
      ['diagnosis without a match (full scan)', () => searchDiagnoses(handle.db, { text: '不存在的诊断', initials: '', limit: 20 })],
      ['institution name (演练第12)', () => searchInstitutions(handle.db, { text: '演练第12', initials: '', limit: 20 })],
      ['institution pinyin initials (fyl)', () => searchInstitutions(handle.db, { text: 'fyl', initials: 'fyl', limit: 20 })],
    ];
    for (const [label, fn] of runs) {
      const { p50, p95 } = percentiles(fn);
      console.log(`${label}: p50 ${p50.toFixed(2)} ms, p95 ${p95.toFixed(2)} ms`);
    }
  } finally {
    handle.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
