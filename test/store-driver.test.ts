// One MongoDB driver in the service: the direct dependency is the very copy Mongoose loads.
import fs from 'node:fs';
import path from 'node:path';

const root = path.join(__dirname, '..');
const driverOf = (from: string): string => fs.realpathSync(require.resolve('mongodb/package.json', { paths: [from] }));

describe('MongoDB driver', () => {
  it("resolves to one copy for the service and for Mongoose, at the version package.json pins", () => {
    const mongooseDir = path.dirname(require.resolve('mongoose/package.json', { paths: [root] }));
    expect(driverOf(mongooseDir)).toBe(driverOf(root));
    const pinned = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).dependencies.mongodb as string;
    const loaded = JSON.parse(fs.readFileSync(driverOf(root), 'utf8')).version as string;
    expect(pinned).toBe(loaded); // exact: a range could let npm install a second copy beside Mongoose's
  });
});
