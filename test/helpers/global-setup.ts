// Runs once per jest run, before any test file (jest's globalSetup): says once when the MongoDB
// engine cannot be part of the run. jest.config.js has looked for a mongod already (runMongod) and
// left the answer in the environment the test processes inherit.
import { runMongod } from './mongod-lookup';

export default function globalSetup(): void {
  if (!runMongod()) process.stdout.write('\nMongoDB engine: skipped (no mongod binary available)\n');
}
