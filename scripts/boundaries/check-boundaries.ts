// `npm run check` step: fails when an import crosses a boundary of boundary-rules.ts. Test files (*.test.ts)
// are exempt: a test may reach into what it tests. Test kits and fixtures are not.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { boundaryViolation, isTest } from './boundary-rules.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const ROOTS = ['server', 'web/src', 'contracts'];
const IMPORT =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

function* sourceFiles(dir: string): Generator<string> {
  for (const entry of readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && entry.name !== 'dist') yield* sourceFiles(rel);
    } else if (/\.tsx?$/.test(entry.name) && !isTest(rel)) yield rel;
  }
}

const problems: string[] = [];
for (const root of ROOTS) {
  for (const file of sourceFiles(root)) {
    const text = readFileSync(path.join(ROOT, file), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), spec));
      const why = boundaryViolation(file, target);
      if (why) problems.push(`${file}: ${why}`);
    }
  }
}
if (problems.length > 0) {
  console.error(
    `Module boundaries: ${problems.length} import(s) cross a front door\n  ${problems.join('\n  ')}`,
  );
  process.exit(1);
}
console.log('Module boundaries: every import goes through a front door');
