// The console's typed operations (web/src/gql/) are committed: they must be what `npm run codegen`
// makes of today's schema and today's pages, or the console type-checks against a schema that is gone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const GENERATED = path.join(ROOT, 'web', 'src', 'gql');

it('web/src/gql is what npm run codegen makes of the schema and the pages', () => {
  const out = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-'));
  try {
    // web/codegen.yml writes to CODEGEN_OUT when it is set: the same configuration, another folder.
    execFileSync(path.join(ROOT, 'node_modules', '.bin', 'graphql-codegen'), ['--config', 'web/codegen.yml', '--silent'], { cwd: ROOT, env: { ...process.env, CODEGEN_OUT: `${out}/` } });
    expect(fs.readdirSync(out).sort()).toEqual(fs.readdirSync(GENERATED).sort());
    for (const file of fs.readdirSync(GENERATED)) {
      expect({ file, text: fs.readFileSync(path.join(out, file), 'utf8') }).toEqual({ file, text: fs.readFileSync(path.join(GENERATED, file), 'utf8') });
    }
  } finally {
    fs.rmSync(out, { recursive: true, force: true });
  }
});
