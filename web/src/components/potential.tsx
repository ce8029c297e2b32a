// The potential of the purchase being typed on a need form: how many ESS structures could take it,
// by family, and what the API recommends. Asked once a text and a commune are given, ~400 ms after the
// last keystroke; read out politely by screen readers as it changes.
import { useEffect, useMemo, useState } from 'react';
import { useQuery } from 'urql';
import { MAX_EUROS, typedEuros } from '../../../api/reference/amounts';
import { errorsOf } from '../errors';
import { graphql } from '../gql';
import type { InclusionFamily, InclusionKind } from '../gql/graphql';

const Potential = graphql(`
  query InclusivePotential($input: PotentialInput!) {
    inclusivePotential(input: $input) {
      total
      families {
        family
        count
        groupementOnly
      }
      recommendation
    }
  }
`);

const DEBOUNCE_MS = 400;

const FAMILY_FR: Record<InclusionFamily, string> = {
  SIAE: 'structures d’insertion (SIAE)',
  PROTECTED: 'secteur protégé et adapté (ESAT, EA)',
  OTHER_ESS: 'autres structures de l’ESS',
};

/** The value once it has stopped changing for `ms`. */
function useSettled<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

export interface PurchaseBeingTyped {
  text: string;
  communeCode: string;
  /** As typed; a budget that is no whole number is left out (the form says so on submit). */
  budgetMax: string;
  requiredInclusionKinds?: string[];
}

export function InclusivePotentialNotice({ text, communeCode, budgetMax, requiredInclusionKinds = [] }: PurchaseBeingTyped) {
  // Read as the form will send it; a budget the API would refuse is left out of the estimate.
  const typed = typedEuros(budgetMax);
  const budget = 'value' in typed && typed.value !== null && typed.value >= 0 && typed.value <= MAX_EUROS ? typed.value : null;
  const key = JSON.stringify({ text: text.trim(), communeCode, budgetMax: budget, requiredInclusionKinds: [...requiredInclusionKinds].sort() });
  const settled = useSettled(key, DEBOUNCE_MS);
  const input = useMemo(() => JSON.parse(settled) as { text: string; communeCode: string; budgetMax: number | null; requiredInclusionKinds: InclusionKind[] }, [settled]);
  const ready = input.text !== '' && input.communeCode !== '';
  const [{ data, error, fetching }] = useQuery({ query: Potential, variables: { input }, pause: !ready });
  const potential = ready ? data?.inclusivePotential : undefined;
  const problem = ready && error ? Object.values(errorsOf(error))[0] : undefined;
  return (
    <section className="potential notice" aria-labelledby="potentiel-titre">
      <h3 id="potentiel-titre">Potentiel de l’ESS pour cet achat</h3>
      <div aria-live="polite" aria-busy={fetching}>
        {!ready && <p className="hint">Indiquez l’intitulé du besoin et la commune : le nombre de structures de l’ESS qui peuvent y répondre s’affiche ici.</p>}
        {problem && <p>{problem}</p>}
        {potential && !problem && (
          <>
            <p>
              {potential.total > 1 ? `${potential.total} structures de l’ESS de l’annuaire peuvent y répondre seules :` : potential.total === 1 ? '1 structure de l’ESS de l’annuaire peut y répondre seule :' : 'Aucune structure de l’ESS de l’annuaire ne peut y répondre seule.'}
            </p>
            <ul>
              {potential.families.map((f) => (
                <li key={f.family}>
                  {FAMILY_FR[f.family]} : {f.count}
                  {f.groupementOnly > 0 ? `, et ${f.groupementOnly} en groupement seulement` : ''}
                </li>
              ))}
            </ul>
            <p className="potential-advice">{potential.recommendation}</p>
          </>
        )}
      </div>
    </section>
  );
}
