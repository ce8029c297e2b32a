// npm run reference: writes api/reference/communes.tsv from the installed @etalab/decoupage-administratif
// (after upgrading it; test/reference-communes.test.ts fails until the file says what the package says).
import { writeCommunesTable } from '../api/reference/communes';

console.log(`Écrit : ${writeCommunesTable()}`);
