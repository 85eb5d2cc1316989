// Generates src/lib/api/schema.d.ts from ../openapi/openapi.json (openapi-typescript, then
// prettier so the output does not depend on the generator's whitespace).
// With --check, nothing is written: the command fails if the committed file is out of date.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const spec = resolve(root, '../openapi/openapi.json');
const target = resolve(root, 'src/lib/api/schema.d.ts');
const check = process.argv.includes('--check');

const work = mkdtempSync(join(tmpdir(), 'lantoa-api-'));
try {
  const raw = join(work, 'schema.d.ts');
  execFileSync(resolve(root, 'node_modules/.bin/openapi-typescript'), [spec, '-o', raw], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const options = (await prettier.resolveConfig(target)) ?? {};
  const generated = await prettier.format(readFileSync(raw, 'utf8'), { ...options, filepath: target });

  if (!check) {
    writeFileSync(target, generated);
    console.log(`Wrote ${target}`);
  } else {
    let committed = '';
    try {
      committed = readFileSync(target, 'utf8');
    } catch {
      // A missing file is reported as out of date below.
    }
    if (committed !== generated) {
      console.error(
        'src/lib/api/schema.d.ts is out of date with openapi/openapi.json.\n' +
          'Run `npm --prefix frontend run gen:api` and commit the result.',
      );
      process.exit(1);
    }
    console.log('src/lib/api/schema.d.ts matches openapi/openapi.json.');
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
