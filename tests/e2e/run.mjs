// Browser end-to-end tests: the built SPA served by the real server, driven through Debian's
// chromium with playwright-core (harness.mjs), one file of scenarios per feature in specs/.
//
//   LANTOA_BIN=path/to/lantoa node tests/e2e/run.mjs
//   LANTOA_BIN=path/to/lantoa E2E_SPECS=commendations node tests/e2e/run.mjs   # only specs/*commendations*
//
// Environment: LANTOA_BIN (required), E2E_DATABASE_URL (default: SQLite in a fresh temp dir),
// STATIC_DIR (default: frontend/dist of this repository), CHROMIUM (default: /usr/bin/chromium),
// E2E_SPECS (comma-separated parts of spec file names; default: every spec).
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import './harness.mjs';

const specsDir = join(dirname(fileURLToPath(import.meta.url)), 'specs');
const wanted = (process.env.E2E_SPECS ?? '').split(',').filter(Boolean);
const specs = readdirSync(specsDir)
  .filter((file) => file.endsWith('.mjs'))
  .filter((file) => wanted.length === 0 || wanted.some((part) => file.includes(part)))
  .sort();
if (specs.length === 0) throw new Error(`no spec in ${specsDir} matches E2E_SPECS=${process.env.E2E_SPECS}`);
for (const spec of specs) await import(join(specsDir, spec));
