// Every commune name of the département, checked against the rule that reads places in the directory's
// text (api/directory/places.ts): a name that is also French (« La Chaussée », « Le Trait ») is a place
// only when typed as a name; the Métropole's own names (« rouen ») are read however they are typed.
//
// « A common French phrase », here: outside the Métropole, any name (none is read from lowercase text,
// so every phrase among them is covered whatever the dictionary); in the Métropole, a name made only
// of particles and the ordinary words listed, name by name, in ORDINARY_WORDS_OF_METROPOLE_NAMES —
// the names that result are written out below, for a reader to judge.
import { parseDirectoryFilter } from '../api/directory';
import { allCommunes, isMetropoleCommune } from '../api/reference/communes';

const read = (text: string): string | undefined => parseDirectoryFilter({ text }).servesCommuneCode;
const communes = allCommunes().filter((c) => c.departement === '76');
/** A name as someone who does not mean a place types it: lowercase, hyphens as spaces. */
const lowercase = (name: string) => name.toLocaleLowerCase('fr').replace(/-/g, ' ');

test('the département has its ~700 communes (the check below is not vacuous)', () => {
  expect(communes.length).toBeGreaterThan(600);
  expect(communes.filter((c) => isMetropoleCommune(c.code))).toHaveLength(71);
});

test('no name of the département outside the Métropole is read from lowercase text', () => {
  const outside = communes.filter((c) => !isMetropoleCommune(c.code));
  const readAs = outside.map((c) => [c.name, read(`travaux ${lowercase(c.name)}`), read(lowercase(c.name))] as const);
  expect(readAs.filter(([, inText, alone]) => (inText && !isMetropoleCommune(inText)) || (alone && !isMetropoleCommune(alone)))).toEqual([]);
  // Only a Métropole name inside another is read (« elbeuf en bray » names Elbeuf as typed).
  expect(readAs.filter(([, inText]) => inText).map(([name]) => name)).toEqual(['Elbeuf-en-Bray', 'Elbeuf-sur-Andelle', 'Vieux-Rouen-sur-Bresle']);
});

test('the Métropole’s names are read lowercase, except those that are also French phrases', () => {
  const metropole = communes.filter((c) => isMetropoleCommune(c.code));
  const notRead = metropole.filter((c) => read(`travaux ${lowercase(c.name)}`) !== c.code).map((c) => c.name);
  expect(notRead.sort()).toEqual(['Fontaine-sous-Préaux', 'Grand-Couronne', 'La Bouille', 'Le Trait', 'Petit-Couronne', 'Saint-Martin-du-Vivier', 'Val-de-la-Haye']);
});

test('every name typed as officially written is read as its commune, but for one-word names that are words people search with', () => {
  const missed = communes.filter((c) => read(`travaux ${c.name}`) !== c.code).map((c) => c.name);
  expect(missed.sort()).toEqual(['Eu', 'Fry', 'Marques', 'Routes', 'Ry', 'Toussaint', 'Tôtes']);
  // Hyphens as officially written stand for capitals.
  const hyphenated = communes.filter((c) => c.name.includes('-') && read(`travaux ${c.name.toLocaleLowerCase('fr')}`) !== c.code).map((c) => c.name);
  expect(hyphenated).toEqual([]);
});
