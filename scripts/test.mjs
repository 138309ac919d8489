// `npm test`: the whole suite, in the order that fails fastest.
//   typecheck (every layer's tsconfig) -> lint (incl. layer rules) -> unit/integration -> e2e.
// E2E needs Debian's Chromium at /usr/bin/chromium. Without it, e2e is skipped with a clear line,
// except under CI=true, where a missing browser is a failure (.ci/run installs it).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';

const CHROMIUM = process.env.DESK_CHROMIUM ?? '/usr/bin/chromium';
const totals = { passed: 0, failed: 0, skipped: 0 };

function step(name, cmd, args) {
  console.log(`\n=== ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    console.log(`\n${name} failed.`);
    summary();
    process.exit(r.status ?? 1);
  }
}

function vitest(name, projects) {
  mkdirSync('test-artifacts', { recursive: true });
  const out = `test-artifacts/vitest-${name}.json`;
  const args = ['node_modules/vitest/vitest.mjs', 'run', ...projects.flatMap((p) => ['--project', p]), '--reporter=default', '--reporter=json', `--outputFile.json=${out}`];
  console.log(`\n=== ${name}`);
  const r = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, TZ: 'America/Los_Angeles' } });
  if (existsSync(out)) {
    const report = JSON.parse(readFileSync(out, 'utf8'));
    totals.passed += report.numPassedTests ?? 0;
    totals.failed += report.numFailedTests ?? 0;
    totals.skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
  }
  if (r.status !== 0) {
    console.log(`\n${name} failed.`);
    summary();
    process.exit(r.status ?? 1);
  }
}

function summary() {
  console.log(`\ntests: ${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
}

step('typecheck', 'npm', ['run', '--silent', 'typecheck']);
step('lint', 'npm', ['run', '--silent', 'lint']);
vitest('unit', ['node', 'renderer']);
if (existsSync(CHROMIUM)) {
  step('renderer build', process.execPath, ['scripts/build.mjs', '--renderer']);
  vitest('e2e', ['e2e']);
} else if (process.env.CI) {
  console.log(`\nE2E cannot run: ${CHROMIUM} is missing (apt-get install -y chromium fonts-noto-cjk).`);
  totals.failed += 1;
  summary();
  process.exit(1);
} else {
  console.log(`\nE2E skipped: ${CHROMIUM} not found. Install it with: apt-get install -y chromium fonts-noto-cjk poppler-utils`);
}
summary();
