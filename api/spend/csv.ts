// An analysis as one CSV table: the totals, each counted line, the categories without ESS and the
// lines refused. Excel-FR as the yearly review's: semicolons, decimal commas.
import { writeCsv, type CsvFormat } from '../csv';
import type { SpendAnalysisRecord, SpendFamily } from '../store/types';
import { spendFigures } from './figures';

export const SPEND_CSV_HEADER = ['type', 'ligne', 'siret_siren', 'fournisseur', 'categorie', 'montant', 'famille', 'detail'];

const FAMILY_FR: Record<SpendFamily, string> = { SIAE: 'SIAE', PROTECTED: 'Secteur protégé (ESAT, EA)', OTHER_ESS: 'Autre structure de l’ESS' };

const percentFr = (share: number) => `${(Math.round(share * 1000) / 10).toString().replace('.', ',')} %`;

export function spendCsv(a: SpendAnalysisRecord, suggestionNames: ReadonlyMap<string, string>, format: CsvFormat = {}): string {
  const f = spendFigures(a);
  const rows: (string | number)[][] = [
    ['total', '', '', 'Toutes les dépenses', '', f.totalAmount, '', `${f.lines} lignes`],
    ['total', '', '', 'Dépenses avec l’ESS', '', f.essAmount, '', percentFr(f.essShare)],
    ['total', '', '', 'dont SIAE', '', f.siaeAmount, 'SIAE', percentFr(f.siaeShare)],
    ['total', '', '', 'dont secteur protégé', '', f.protectedAmount, FAMILY_FR.PROTECTED, percentFr(f.protectedShare)],
    ...a.entries.map((e) => ['fournisseur', e.line, e.identifier, e.name, e.category ?? '', e.amount, e.family ? FAMILY_FR[e.family] : 'Hors annuaire', e.supplierId ? 'dans l’annuaire' : '']),
    ...a.gaps.map((g) => ['categorie_sans_ess', '', '', '', g.category, g.amount, '', g.supplierIds.map((id) => suggestionNames.get(id)).filter(Boolean).join(' | ')]),
    ...a.refusals.map((r) => ['ligne_refusee', r.line, '', '', '', '', '', r.reason]),
  ];
  return writeCsv([SPEND_CSV_HEADER, ...rows], format); // the buyer's own cells never start a spreadsheet formula
}
