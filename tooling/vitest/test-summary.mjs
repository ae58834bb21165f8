#!/usr/bin/env node
// Prints one line, `N passed, N failed`, over every suite of the last `turbo run ... --summarize`:
// each lint and typecheck task counts as one check, each test task adds its Vitest results.
// Usage: test-summary.mjs [--status <exit code of the turbo run>]
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = process.cwd();
const statusArg = process.argv.indexOf('--status');
const turboStatus = statusArg > 0 ? Number(process.argv[statusArg + 1]) : 0;

function newestRunSummary() {
  const dir = join(root, '.turbo', 'runs');
  if (!existsSync(dir)) return undefined;
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => join(dir, f))
    .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs);
  return files[0] ? JSON.parse(readFileSync(files[0], 'utf8')) : undefined;
}

let passed = 0;
let failed = 0;
const failures = [];
const summary = newestRunSummary();
for (const task of summary?.tasks ?? []) {
  const ok = task.execution?.exitCode === 0;
  if (task.task === 'test') {
    const report = join(root, task.directory, '.reports', 'vitest.json');
    if (ok && existsSync(report)) {
      const r = JSON.parse(readFileSync(report, 'utf8'));
      passed += r.numPassedTests;
      failed += r.numFailedTests;
      if (r.numTotalTests === 0) failures.push(`${task.taskId}: ran no test`);
      continue;
    }
    if (existsSync(report)) {
      const r = JSON.parse(readFileSync(report, 'utf8'));
      passed += r.numPassedTests;
      failed += Math.max(1, r.numFailedTests);
    } else failed += 1;
    failures.push(task.taskId);
  } else if (ok) passed += 1;
  else {
    failed += 1;
    failures.push(task.taskId);
  }
}
if (!summary) failures.push('no turbo run summary found');
if (turboStatus !== 0 && failed === 0) {
  failed = 1;
  failures.push(`turbo exited with status ${turboStatus}`);
}
for (const f of failures) console.log(`failed: ${f}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || turboStatus !== 0 ? 1 : 0);
