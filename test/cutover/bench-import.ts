// `npx tsx test/cutover/bench-import.ts`: the largest export one request takes (just under 700 KB of GBK
// CSV) through preview, commit and the clean-up report on a fresh desk; prints the times measured in
// this run and asserts nothing. Figures in docs/performance.md, "Cut-over import".
import { performance } from 'node:perf_hooks';
import { MAX_IMPORT_BYTES } from '../../shared/contract/areas/cutover';
import { setUpDesk } from '../helpers/desk';
import { csvGbk, exportRows, personId, type OldRow } from './fixtures';

const TYPES = ['异地转诊', '异地转诊', '异地转诊', '异地长期居住', '恶性肿瘤放化疗'];

function rows(n: number): OldRow[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `H${String(i).padStart(7, '0')}`,
    name: `患者${i % 997}`,
    cert: personId(i % 3000),
    type: TYPES[i % TYPES.length]!,
    date: `${2019 + (i % 3)}-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
    settled: i % 4 === 0 ? '已结算' : '未结算',
    uploaded: i % 3 === 0 ? '已上传' : '未上传',
    special: i % 50 === 0 ? '低保' : '',
  }));
}

async function main(): Promise<void> {
  let n = 1000;
  while (csvGbk(exportRows(rows(n + 500))).length < MAX_IMPORT_BYTES) n += 500;
  const bytes = csvGbk(exportRows(rows(n)));
  const file = { fileName: 'bench.csv', contentBase64: bytes.toString('base64') };
  const t = await setUpDesk();
  try {
    const time = async <T>(work: () => Promise<T>): Promise<[T, number]> => {
      const started = performance.now();
      const value = await work();
      return [value, Math.round(performance.now() - started)];
    };
    const [preview, previewMs] = await time(() => t.desk.dispatch('cutover.import.preview', file, t.admin));
    if (!preview.ok) throw new Error(preview.message);
    const [batch, commitMs] = await time(() => t.desk.dispatch('cutover.import.commit', { ...file, mapping: preview.value.mapping }, t.admin));
    if (!batch.ok) throw new Error(batch.message);
    const [report, planMs] = await time(() => t.desk.dispatch('cutover.cleanup.plan', { asOf: '2021-11-30' }, t.admin));
    if (!report.ok) throw new Error(report.message);
    const [applied, applyMs] = await time(() => t.desk.dispatch('cutover.cleanup.apply', { id: report.value.id, includeFlagged: true }, t.admin));
    if (!applied.ok) throw new Error(applied.message);
    const [, undoMs] = await time(() => t.desk.dispatch('cutover.cleanup.undo', { id: report.value.id }, t.admin));
    console.log(
      JSON.stringify({
        fileBytes: bytes.length,
        rows: n,
        imported: batch.value.importedCount,
        previewMs,
        commitMs,
        planMs,
        invalidated: applied.value.appliedCount,
        applyMs,
        undoMs,
      }),
    );
  } finally {
    t.close();
  }
}

void main();
