// Runs every bench module in bench/ (or the ones named in argv), writes results/<name>.json for each, then
// regenerates results/README.md. Children are always stopped, on failure and on Ctrl-C too.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { killAllSync, stopAll } from './lib/process.ts';
import { type BenchResult, writeResult, writeTable } from './lib/results.ts';

type BenchModule = { default: () => Promise<BenchResult> };

async function main(names: string[]): Promise<number> {
  const available = (await readdir(import.meta.dirname))
    .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.d.ts') && !f.endsWith('.test.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
  const unknown = names.filter((n) => !available.includes(n));
  if (unknown.length > 0) {
    console.error(`Unknown bench: ${unknown.join(', ')}. Available: ${available.join(', ')}`);
    return 2;
  }
  for (const name of names.length > 0 ? names : available) {
    console.log(`bench ${name}…`);
    const mod = (await import(path.join(import.meta.dirname, `${name}.ts`))) as BenchModule;
    const result = await mod.default();
    console.log(`  wrote ${path.relative(process.cwd(), await writeResult(result))}`);
    console.table(result.rows);
  }
  console.log(`wrote ${path.relative(process.cwd(), await writeTable())}`);
  return 0;
}

process.on('exit', killAllSync);
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    stopAll().finally(() => process.exit(130));
  });
}

let code = 1;
try {
  code = await main(process.argv.slice(2));
} catch (err) {
  console.error(`bench failed: ${(err as Error)?.stack ?? String(err)}`);
} finally {
  await stopAll();
}
process.exit(code);
