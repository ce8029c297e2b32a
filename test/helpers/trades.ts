// Structures of several trades around Rouen and Le Havre, shared by the tests of drafts and of
// needs no structure of their trade can serve.
import { supplierInput } from './fixtures';

export const CATERER = supplierInput({
  name: 'Marmite Solidaire',
  inclusionKind: 'ACI',
  description: 'Traiteur solidaire : buffets, cocktails et plateaux-repas pour les séminaires et réceptions des entreprises.',
  services: ['Buffets et cocktails', 'Plateaux-repas'],
  nafCodes: ['56.21Z'],
  communeCode: '76540',
  labels: [],
});
// Landscapers who share only business words with a catering need ("annuel", "services", "personnes").
export const LANDSCAPERS = [
  supplierInput({ name: 'Prés Fleuris', description: "Contrats annuels d'entretien paysager : tonte, taille et services aux entreprises.", communeCode: '76540', labels: [] }),
  supplierInput({ name: 'Mains Vertes', description: 'Mise à disposition de personnes pour des travaux de jardinage et de tonte.', communeCode: '76540', labels: [] }),
];
// Cleaning firms around Rouen whose radius stops well short of Le Havre (about 75 km away).
export const CLEANERS = [
  supplierInput({ name: 'Propreté Seine Avenir', description: 'Nettoyage de bureaux et entretien des locaux professionnels, vitrerie.', services: ['Nettoyage de bureaux'], nafCodes: ['81.21Z'], communeCode: '76540', interventionRadiusKm: 20, labels: [] }),
  supplierInput({ name: 'Brillance Coop', description: 'Ménage et nettoyage des locaux de bureaux, entretien des sols.', services: ['Entretien des locaux'], nafCodes: ['81.21Z'], communeCode: '76231', interventionRadiusKm: 25, labels: [] }),
];
// Another trade based in Le Havre: eligible there, but no cleaner.
export const RECYCLERIE = supplierInput({
  name: 'Trésors du Port',
  description: 'Recyclerie : collecte des objets et du mobilier de bureaux, revente solidaire.',
  services: ['Collecte de mobilier de bureaux'],
  nafCodes: ['38.11Z'],
  communeCode: '76351',
  interventionRadiusKm: 40,
  labels: [],
});
