// The communes a public-data import keeps: the Métropole's by default, or those given.
import { epciCommunes, findCommune, METROPOLE_EPCI_CODE } from '../../reference/communes';

/** The INSEE codes to keep, or a French message saying what is wrong with the options. */
export function territory(communes: string | undefined, epci: string | undefined): ReadonlySet<string> | string {
  if (communes !== undefined && epci !== undefined) return '--communes et --epci ne vont pas ensemble : choisissez l’un des deux.';
  if (communes !== undefined) {
    const codes = communes.split(',').map((c) => c.trim().toUpperCase()).filter(Boolean);
    const unknown = codes.filter((c) => !findCommune(c));
    if (codes.length === 0) return '--communes : donnez des codes INSEE séparés par des virgules (ex. 76540,76681).';
    if (unknown.length) return `--communes : commune inconnue : ${unknown.join(', ')} (code INSEE attendu, par exemple 76540 pour Rouen).`;
    return new Set(codes);
  }
  const members = epciCommunes(epci?.trim() ?? METROPOLE_EPCI_CODE);
  if (!members) return `--epci : intercommunalité inconnue : ${epci} (numéro SIREN de l’EPCI attendu, par exemple ${METROPOLE_EPCI_CODE}).`;
  return new Set(members);
}
