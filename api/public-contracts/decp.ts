// The essential data of public contracts (DECP), format v2 (schema_decp_v2.0.3.json of
// github.com/139bercy/format-commande-publique): `{"marches": {"marche": [...]}}`, as the schema and
// its examples have it, or `{"marches": [...]}` as the consolidated files of earlier years
// (v1: titulaires without their `titulaire` wrapper). Concessions (`contrat-concession`) are not
// public contracts awarded to co-contractors: they are left out.
// No streaming JSON parser is a dependency: a file is read whole, so its size is bounded.
import { communesOfPostcode } from '../reference/communes';
import { fileSize, readJsonFile, UnreadableFileError, type ReadPosition } from '../directory/imports';
import type { ContractHolder, PublicContractRecord } from '../store/types';
import { parisInstant, readIsoDate } from '../kernel';

/** Larger than a territory's or a region's yearly file; the national consolidated file must be cut first. */
export const MAX_DECP_BYTES = 300 * 1024 * 1024;

/** One contract as read from the file, checked, before it is stored (its key and SIREN are derived then). */
export type ContractLine = Omit<PublicContractRecord, 'id' | 'createdAt' | 'updatedAt' | 'buyerSiren'> & {
  file: string;
  /** The contract's position in the file's list, from 1. */
  line: number;
};

export type ContractItem =
  | { kind: 'contract'; contract: ContractLine }
  | { kind: 'broken'; file: string; line: number; reason: string }
  | { kind: 'ignored'; reason: string };

export interface DecpOptions {
  /** INSEE codes of the territory's communes. */
  communes: ReadonlySet<string>;
  /** Buyers kept wherever their contracts are executed: SIRETs (14 digits) or SIRENs (9). */
  buyers: ReadonlySet<string>;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown): string => (typeof v === 'string' ? v.trim() : typeof v === 'number' ? String(v) : '');
const digits = (v: unknown): string => text(v).replace(/\s/g, '');

/** A list the schema wraps in an object (`{"considerationSociale": [...]}`), or given bare; a lone value as a list of one. */
function listOf(value: unknown, key: string): unknown[] {
  const inner = isObject(value) && key in value ? value[key] : value;
  if (inner === undefined || inner === null) return [];
  return Array.isArray(inner) ? inner : [inner];
}

function contractsOf(data: unknown): unknown[] | null {
  const marches = isObject(data) ? data.marches : undefined;
  if (Array.isArray(marches)) return marches;
  if (isObject(marches)) return Array.isArray(marches.marche) ? marches.marche : isObject(marches.marche) ? [marches.marche] : [];
  return null;
}

function holdersOf(value: unknown): ContractHolder[] | string {
  const holders: ContractHolder[] = [];
  for (const entry of listOf(value, 'titulaire')) {
    const t = isObject(entry) && isObject(entry.titulaire) ? entry.titulaire : entry;
    if (!isObject(t) || !digits(t.id)) return '« titulaires » : chaque titulaire doit avoir un « id »';
    holders.push({ idType: text(t.typeIdentifiant).toUpperCase().slice(0, 10) || 'SIRET', id: digits(t.id).slice(0, 50) });
  }
  return holders;
}

function amountOf(value: unknown): number | null {
  const n = typeof value === 'number' ? value : Number(text(value).replace(/\s/g, '').replace(',', '.'));
  return text(value) !== '' && Number.isFinite(n) && n >= 0 ? n : null;
}

/** The contract as stored, or a French reason naming the field. */
export function contractOf(file: string, line: number, m: Json): ContractLine | string {
  const contractId = text(m.id);
  if (!contractId) return '« id » : ce champ est obligatoire';
  if (contractId.length > 100) return '« id » : ne doit pas dépasser 100 caractères';
  const buyerSiret = digits(isObject(m.acheteur) ? m.acheteur.id : undefined);
  if (!/^\d{14}$/.test(buyerSiret)) return '« acheteur.id » : SIRET de l’acheteur attendu (14 chiffres)';
  const amount = amountOf(m.montant);
  if (amount === null) return '« montant » : montant en euros attendu (nombre positif)';
  // v1 files wrote the date with an offset ("2019-03-12+01:00"); the day is what counts.
  const day = /^(\d{4}-\d{2}-\d{2})/.exec(text(m.dateNotification))?.[1];
  const date = day ? readIsoDate(day) : null;
  if (!date || typeof date === 'string') return '« dateNotification » : date AAAA-MM-JJ attendue';
  const place = isObject(m.lieuExecution) ? m.lieuExecution : {};
  const placeCode = text(place.code).toUpperCase();
  if (!placeCode || placeCode.length > 10) return '« lieuExecution.code » : code du lieu d’exécution attendu';
  const holders = holdersOf(m.titulaires);
  if (typeof holders === 'string') return holders;
  const social = new Set(listOf(m.considerationsSociales, 'considerationSociale').map((c) => text(c)));
  return {
    file,
    line,
    contractId,
    buyerSiret,
    object: text(m.objet).slice(0, 1000),
    cpvCode: text(m.codeCPV).slice(0, 10),
    amount,
    notifiedAt: parisInstant(date.wall),
    placeCode,
    placeType: text(place.typeCode).slice(0, 30),
    socialClause: social.has('Clause sociale'),
    socialCriterion: social.has('Critère social'),
    reserved: social.has('Marché réservé'),
    holders,
  };
}

/** Executed in the territory: a commune's INSEE code, or a postcode of one of its communes. */
function inTerritory(c: ContractLine, communes: ReadonlySet<string>): boolean {
  const byPostcode = () => communesOfPostcode(c.placeCode).some((code) => communes.has(code));
  if (c.placeType === 'Code commune') return communes.has(c.placeCode);
  if (c.placeType === 'Code postal') return byPostcode();
  return !c.placeType && /^\d[\dAB]\d{3}$/.test(c.placeCode) && (communes.has(c.placeCode) || byPostcode());
}

const kept = (c: ContractLine, o: DecpOptions): boolean => o.buyers.has(c.buyerSiret) || o.buyers.has(c.buyerSiret.slice(0, 9)) || inTerritory(c, o.communes);

function readJson(file: string, position: ReadPosition): unknown {
  const size = fileSize(file);
  if (size > MAX_DECP_BYTES) {
    throw new UnreadableFileError(file, `trop volumineux : ${Math.ceil(size / 1048576)} Mo pour ${MAX_DECP_BYTES / 1048576} Mo au plus ; découpez le fichier national par région ou par acheteur`);
  }
  return readJsonFile(file, position);
}

export function* readDecp(files: readonly string[], options: DecpOptions, position: ReadPosition): Generator<ContractItem> {
  // Every file is parsed before any contract is given: a file that is not DECP stops the run before anything is written.
  const lists = files.map((file) => {
    const list = contractsOf(readJson(file, position));
    if (!list) throw new UnreadableFileError(file, 'un objet {"marches": {"marche": [...]}} (DECP v2) est attendu');
    return list;
  });
  for (const [f, file] of files.entries()) {
    for (const [i, m] of lists[f]!.entries()) {
      if (!isObject(m)) {
        yield { kind: 'broken', file, line: i + 1, reason: 'élément qui n’est pas un marché' };
        continue;
      }
      // v1's consolidated files list concessions among contracts: left out, as v2's separate list is
      if (m._type === 'Contrat de concession') {
        yield { kind: 'ignored', reason: 'contrat de concession (pas un marché public)' };
        continue;
      }
      const contract = contractOf(file, i + 1, m);
      if (typeof contract === 'string') yield { kind: 'broken', file, line: i + 1, reason: contract };
      else yield kept(contract, options) ? { kind: 'contract', contract } : { kind: 'ignored', reason: 'exécuté hors du territoire, acheteur non listé' };
    }
  }
}

/** `--buyers`: SIRETs or SIRENs separated by commas, or a French message saying which is wrong. */
export function parseBuyers(value: string | undefined): ReadonlySet<string> | string {
  if (value === undefined) return new Set();
  const codes = value.split(',').map((c) => c.replace(/\s/g, '')).filter(Boolean);
  const wrong = codes.filter((c) => !/^(\d{9}|\d{14})$/.test(c));
  if (codes.length === 0 || wrong.length) return `--buyers : SIRET (14 chiffres) ou SIREN (9 chiffres) attendus, séparés par des virgules${wrong.length ? ` (refusé : ${wrong.join(', ')})` : ''}.`;
  return new Set(codes);
}
