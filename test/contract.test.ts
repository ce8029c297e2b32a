// The website and the acceptance checks depend on the contract: the served schema may only add to it.
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, findBreakingChanges } from 'graphql';
import { loadTypeDefs } from '../graphql/schema';
import { resolvers } from '../graphql/resolvers';

const contractPath = path.join(__dirname, 'contract', 'api-contract.graphql');
const contract = buildSchema(fs.readFileSync(contractPath, 'utf8'));

describe('GraphQL contract', () => {
  it('the served schema has no breaking change against the contract', () => {
    expect(findBreakingChanges(contract, buildSchema(loadTypeDefs())).map((c) => c.description)).toEqual([]);
  });

  it('detects a breaking change (a removed field) — the check above can fail', () => {
    const broken = loadTypeDefs().replace(/^\s*"SIRET[^\n]*\n\s*siret: String$/m, '');
    expect(findBreakingChanges(contract, buildSchema(broken)).map((c) => c.description)).toContain('SupplierInput.siret was removed.');
  });

  it('the project copy matches the shared contract when it is beside the repository', () => {
    const shared = path.join(__dirname, '..', '..', 'shared', 'api-contract.graphql');
    if (!fs.existsSync(shared)) return; // a clone without shared/ beside it checks the copy alone
    expect(fs.readFileSync(contractPath, 'utf8')).toBe(fs.readFileSync(shared, 'utf8'));
  });

  it('every field of Query and Mutation has a resolver', () => {
    const served = buildSchema(loadTypeDefs());
    for (const root of ['Query', 'Mutation'] as const) {
      const fields = Object.keys(served.getType(root) && (served.getType(root) as any).getFields());
      expect(fields.filter((f) => !(f in resolvers[root]))).toEqual([]);
    }
  });
});
