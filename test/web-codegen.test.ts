// The generated types are committed: the console's typed operations (web/src/gql/) and the resolvers'
// argument types (graphql/generated/). They must be what `npm run codegen` makes of today's schema and
// today's pages, or code type-checks against a schema that is gone.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.join(__dirname, '..');
const CODEGEN = path.join(ROOT, 'node_modules', '.bin', 'graphql-codegen');

/** Runs one configuration with its output redirected (each config reads its *_OUT variable). */
function generate(config: string, variable: string, out: string): void {
  execFileSync(CODEGEN, ['--config', config, '--silent'], { cwd: ROOT, env: { ...process.env, [variable]: out } });
}

let tmp: string;
beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'codegen-'))));
afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

it('web/src/gql is what npm run codegen makes of the schema and the pages', () => {
  const generated = path.join(ROOT, 'web', 'src', 'gql');
  generate('web/codegen.yml', 'CODEGEN_OUT', `${tmp}/`);
  expect(fs.readdirSync(tmp).sort()).toEqual(fs.readdirSync(generated).sort());
  for (const file of fs.readdirSync(generated)) {
    expect({ file, text: fs.readFileSync(path.join(tmp, file), 'utf8') }).toEqual({ file, text: fs.readFileSync(path.join(generated, file), 'utf8') });
  }
});

it('graphql/generated/schema-types.ts is what npm run codegen makes of the schema', () => {
  const out = path.join(tmp, 'schema-types.ts');
  generate('graphql/codegen.yml', 'CODEGEN_SERVER_OUT', out);
  expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'graphql', 'generated', 'schema-types.ts'), 'utf8'));
});
