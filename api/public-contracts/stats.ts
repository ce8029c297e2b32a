// The « commande publique » part of the yearly review: the contracts notified in [from, to), their
// amounts, those awarded to a structure of the directory (any co-contractor of the group counts),
// and their social considerations, in all, by month (Paris time) and by buyer.
import { bySirets, contractsNotified, publicBuyers } from '../store/filters';
import type { PublicContractRecord, Store, SupplierRecord } from '../store/types';
import { monthLabelFr, parisMonth } from '../reference/vocabulary';

export interface ContractFigures {
  contracts: number;
  amount: number;
  essContracts: number;
  essAmount: number;
  reserved: number;
  socialClause: number;
  socialCriterion: number;
}

/** Figures of one month ("2026-03", « mars 2026 ») or one buyer (its SIRET, its name when known). */
export type ContractGroup = ContractFigures & { key: string; label: string };

export interface PublicContractStats extends ContractFigures {
  byMonth: ContractGroup[];
  byBuyer: ContractGroup[];
}

const empty = (): ContractFigures => ({ contracts: 0, amount: 0, essContracts: 0, essAmount: 0, reserved: 0, socialClause: 0, socialCriterion: 0 });

function add(f: ContractFigures, c: PublicContractRecord, ess: boolean): void {
  f.contracts += 1;
  f.amount += c.amount;
  if (ess) {
    f.essContracts += 1;
    f.essAmount += c.amount;
  }
  if (c.reserved) f.reserved += 1;
  if (c.socialClause) f.socialClause += 1;
  if (c.socialCriterion) f.socialCriterion += 1;
}

/** The structures of the directory among the contracts' co-contractors, by SIRET. */
export async function directoryHolders(store: Store, contracts: readonly PublicContractRecord[]): Promise<Map<string, SupplierRecord>> {
  const sirets = [...new Set(contracts.flatMap((c) => c.holders.filter((h) => h.idType === 'SIRET').map((h) => h.id)))];
  const found = sirets.length ? await store.suppliers.find(bySirets(sirets)) : [];
  return new Map(found.filter((s) => !s.retiredAt && s.siret).map((s) => [s.siret!, s]));
}

export const awardedToDirectory = (c: PublicContractRecord, directory: ReadonlyMap<string, SupplierRecord>): boolean =>
  c.holders.some((h) => h.idType === 'SIRET' && directory.has(h.id));

/** Public buyers' names by SIRET, from the organisations that are public buyers. */
export async function buyerNames(store: Store): Promise<Map<string, string>> {
  return new Map((await store.organisations.find(publicBuyers())).filter((o) => o.siret).map((o) => [o.siret!, o.name]));
}

/** The period's contracts, all of them or one buyer's (a SIRET, or a SIREN for all its establishments). */
export function periodContracts(store: Store, from: Date, to: Date, buyer?: string): Promise<PublicContractRecord[]> {
  return store.publicContracts.find(contractsNotified(from, to, buyer), { sort: { notifiedAt: 1, id: 1 } });
}

export async function computePublicContracts(store: Store, from: Date, to: Date, buyer?: string): Promise<PublicContractStats> {
  const contracts = await periodContracts(store, from, to, buyer);
  const [directory, names] = await Promise.all([directoryHolders(store, contracts), buyerNames(store)]);
  const total = empty();
  const months = new Map<string, ContractFigures>();
  const buyers = new Map<string, ContractFigures>();
  for (const c of contracts) {
    const ess = awardedToDirectory(c, directory);
    const month = parisMonth(c.notifiedAt);
    add(total, c, ess);
    add(months.get(month) ?? months.set(month, empty()).get(month)!, c, ess);
    add(buyers.get(c.buyerSiret) ?? buyers.set(c.buyerSiret, empty()).get(c.buyerSiret)!, c, ess);
  }
  return {
    ...total,
    byMonth: [...months]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, f]) => ({ key, label: monthLabelFr(key), ...f })),
    byBuyer: [...buyers]
      .map(([key, f]) => ({ key, label: names.get(key) ?? `Acheteur ${key}`, ...f }))
      .sort((a, b) => b.amount - a.amount || a.key.localeCompare(b.key)),
  };
}

type Row = [string, string, string, number];

const figureRows = (prefix: string, key: string, label: string, f: ContractFigures): Row[] => [
  [`${prefix}marches`, key, label ? `${label} : marchés notifiés` : 'Marchés publics notifiés (DECP)', f.contracts],
  [`${prefix}montant_euros`, key, label ? `${label} : montant notifié (euros HT)` : 'Montant notifié (euros HT)', f.amount],
  [`${prefix}marches_ess`, key, label ? `${label} : marchés attribués à une structure de l’annuaire` : 'Marchés attribués à une structure de l’annuaire (tout cotraitant)', f.essContracts],
  [`${prefix}montant_ess_euros`, key, label ? `${label} : montant attribué à une structure de l’annuaire` : 'Montant attribué à une structure de l’annuaire (euros HT)', f.essAmount],
  [`${prefix}marches_reserves`, key, label ? `${label} : marchés réservés` : 'Marchés réservés', f.reserved],
  [`${prefix}clause_sociale`, key, label ? `${label} : marchés avec clause sociale` : 'Marchés avec clause sociale', f.socialClause],
  [`${prefix}critere_social`, key, label ? `${label} : marchés avec critère social` : 'Marchés avec critère social', f.socialCriterion],
];

/** The review's CSV rows of the « commande publique » part: totals, then by month, then by buyer. */
export function publicContractRows(s: PublicContractStats): Row[] {
  return [
    ...figureRows('commande_publique_', '', '', s),
    ...s.byMonth.flatMap((m) => figureRows('commande_publique_par_mois_', m.key, m.label, m)),
    ...s.byBuyer.flatMap((b) => figureRows('commande_publique_par_acheteur_', b.key, b.label, b)),
  ];
}
