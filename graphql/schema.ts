// The served schema: the SDL files of graphql/schema, in a stable order.
import fs from 'node:fs';
import path from 'node:path';

const SCHEMA_DIR = path.join(__dirname, 'schema');

export function loadTypeDefs(): string {
  return fs
    .readdirSync(SCHEMA_DIR)
    .filter((f) => f.endsWith('.graphql'))
    .sort((a, b) => (a === 'common.graphql' ? -1 : b === 'common.graphql' ? 1 : a.localeCompare(b)))
    .map((f) => fs.readFileSync(path.join(SCHEMA_DIR, f), 'utf8'))
    .join('\n');
}
