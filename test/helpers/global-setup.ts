// Runs once per jest run, before any test file (jest's globalSetup): looks for a mongod binary once, says
// once when the MongoDB engine cannot be part of the run, and hands the answer to the test
// processes through the environment (they are started after this).
import { findMongod, MONGOD_ENV } from './engines';

export default function globalSetup(): void {
  const mongod = findMongod();
  process.env[MONGOD_ENV] = mongod ?? '';
  if (!mongod) process.stdout.write('\nMongoDB engine: skipped (no mongod binary available)\n');
}
