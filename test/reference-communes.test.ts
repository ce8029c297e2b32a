// The communes the service reads (api/reference/communes.tsv) are those of the installed
// @etalab/decoupage-administratif: upgrading the package without `npm run reference` fails here.
import fs from 'node:fs';
import path from 'node:path';
import { allCommunes, communesOfPostcode, communesTable, findCommune } from '../api/reference/communes';

describe('communes reference', () => {
  it('communes.tsv says what the installed package says', () => {
    const kept = fs.readFileSync(path.join(__dirname, '..', 'api', 'reference', 'communes.tsv'), 'utf8');
    expect(kept === communesTable()).toBe(true);
  });

  it('reads every current commune with its département and postcodes, and no delegated one', () => {
    const raw = require('@etalab/decoupage-administratif/data/communes.json') as { code: string; nom: string; departement: string; type: string; codesPostaux?: string[] }[];
    const current = raw.filter((c) => c.type === 'commune-actuelle');
    expect(allCommunes()).toHaveLength(current.length);
    for (const c of current.filter((_, i) => i % 97 === 0)) {
      expect(findCommune(c.code)).toEqual({ code: c.code, name: c.nom, departement: c.departement });
      for (const p of c.codesPostaux ?? []) expect(communesOfPostcode(p)).toContain(c.code);
    }
    // Looked up by a binary search in the table: every code is found, and codes between them are not.
    const missed = current.filter((c) => findCommune(c.code)?.code !== c.code).map((c) => c.code);
    expect(missed).toEqual([]);
    for (const code of ['00000', '01000', '19999', '2A000', '2C001', '76', '765400', '99999', 'ZZZZZ', '']) expect(findCommune(code)).toBeNull();
    expect(findCommune('2a004')).toMatchObject({ name: 'Ajaccio', departement: '2A' });
    expect(communesOfPostcode('76000')).toEqual(['76540']);
    // A delegated commune shares its code with the current one: only the current one is read.
    const delegated = raw.find((c) => c.type !== 'commune-actuelle' && current.some((k) => k.code === c.code))!;
    expect(findCommune(delegated.code)!.name).toBe(current.find((k) => k.code === delegated.code)!.nom);
  });
});
