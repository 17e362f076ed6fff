// Prints the end-to-end totals as the last line of `make test`: "e2e: N passed, N failed".
import { readFileSync, existsSync } from 'node:fs';

const file = 'test-results/e2e.json';
if (!existsSync(file)) process.exit(0);
const { stats } = JSON.parse(readFileSync(file, 'utf8'));
const passed = (stats.expected ?? 0) + (stats.flaky ?? 0);
const failed = stats.unexpected ?? 0;
const skipped = stats.skipped ?? 0;
console.log(`e2e: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
