// A buyer's spend file and the directory it is matched against (spend analysis API and page tests).
import { siret } from './fixtures';

// Directory structures, each of its own SIREN.
export const COOP = siret(1_110_000_000_000); // a SCOP, no inclusion kind: ESS only
export const GARDENS = siret(2_220_000_000_000); // ACI: SIAE, given in the file by its SIREN only
export const ESAT = siret(3_330_000_000_000); // secteur protégé
export const CLEANING = siret(4_440_000_000_000); // EI, cleaning: not in the file, to be proposed
// Ordinary firms, not in the directory.
export const ORDINARY = siret(5_550_000_000_000);
export const STATIONER = siret(6_660_000_000_000);

/** SupplierInput overrides of the structures in the file. */
export const SPEND_STRUCTURES: Record<string, unknown>[] = [
  { name: 'Coop Informatique', siret: COOP, legalForm: 'SCOP', inclusionKind: null, nafCodes: ['62.01Z'], description: 'Développement de logiciels et maintenance informatique.', services: ['Développement'] },
  { name: 'Jardins de la Seine', siret: GARDENS, inclusionKind: 'ACI' },
  { name: 'ESAT du Cailly', siret: ESAT, inclusionKind: 'ESAT', nafCodes: ['96.01A'], description: 'Blanchisserie industrielle et repassage.', services: ['Blanchisserie'] },
];

/** The structure the analysis should propose where the file's cleaning has no ESS. */
export const CLEANING_STRUCTURE: Record<string, unknown> = {
  name: 'Net Insertion', siret: CLEANING, inclusionKind: 'EI', nafCodes: ['81.21Z'], services: ['Nettoyage de locaux', 'Nettoyage de bureaux'],
  description: 'Entreprise d’insertion : nettoyage de locaux, de bureaux et de vitres pour les entreprises.',
};

/**
 * Semicolons, French headers, decimal commas, spaces and € in amounts, as a French spreadsheet exports:
 * 50 000 € counted, 24 000,50 € with the ESS (8 000,50 SIAE, 4 000 protected); a duplicate and three unreadable lines.
 */
export const FILE = [
  'SIRET;Raison sociale;Montant HT;Catégorie',
  `${COOP};Coop Informatique;12 000,00 €;Informatique`,
  `${GARDENS.slice(0, 9)};Jardins de la Seine;8 000,50;Espaces verts`,
  `${ESAT};ESAT du Cailly;4000;Blanchisserie`,
  `${ORDINARY};Propre & Net;20 000;Nettoyage de locaux`,
  `${STATIONER};Bureau Plus;5 999,50;Papeterie`,
  `${ORDINARY};Propre & Net;20 000;Nettoyage de locaux`, // line 7: the same line again
  '123;Mauvais Numéro;100;Divers', // line 8
  `${STATIONER};Sans montant;;Divers`, // line 9
  `${COOP};Ligne coupée`, // line 10
].join('\r\n');
