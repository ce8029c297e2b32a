// What a firm's purchases from the secteur protégé deduct from its OETH contribution, from the
// figures its spend file does not give, typed in by the firm; the rule as the API states it.
import { useState, type FormEvent } from 'react';
import { useQuery } from 'urql';
import { errorsOf } from '../errors';
import { formatEuros, percent } from '../format';
import { graphql } from '../gql';
import { ErrorSummary, TextField } from './fields';

const Oeth = graphql(`
  query SpendOethDeduction($id: ID!, $labourCostShare: Float!, $contribution: Float!, $disabledWorkforceRate: Float!) {
    spendAnalysis(id: $id) {
      id
      oethDeduction(labourCostShare: $labourCostShare, contribution: $contribution, disabledWorkforceRate: $disabledWorkforceRate) {
        labourCost
        beforeCap
        capRate
        cap
        deduction
        capped
        rule
      }
    }
  }
`);

/** "40", "40,5" or "12 000" as a number; NaN otherwise (the API then names the field). */
const numberFr = (text: string) => Number(text.replace(/[\s\u00a0\u202f€%]/g, '').replace(',', '.'));

export function OethForm({ id, protectedAmount }: { id: string; protectedAmount: number }) {
  const [labour, setLabour] = useState('');
  const [contribution, setContribution] = useState('');
  const [rate, setRate] = useState('');
  const [asked, setAsked] = useState<{ labourCostShare: number; contribution: number; disabledWorkforceRate: number } | null>(null);
  const [{ data, error }] = useQuery({ query: Oeth, variables: { id, ...(asked ?? { labourCostShare: 0, contribution: 0, disabledWorkforceRate: 0 }) }, pause: !asked });
  const errors = errorsOf(error);
  const d = asked ? data?.spendAnalysis.oethDeduction : null;

  function submit(e: FormEvent) {
    e.preventDefault();
    setAsked({ labourCostShare: numberFr(labour) / 100, contribution: numberFr(contribution), disabledWorkforceRate: numberFr(rate) / 100 });
  }

  return (
    <form onSubmit={submit} noValidate aria-labelledby="oeth">
      <h3 id="oeth">Déduction de la contribution OETH</h3>
      <p>
        Vos achats auprès du secteur protégé ({formatEuros(protectedAmount)}) se déduisent de votre contribution à l’obligation d’emploi des travailleurs handicapés. Le fichier ne
        donne pas les chiffres nécessaires : indiquez-les.
      </p>
      <ErrorSummary errors={errors} fields={['labourCostShare', 'contribution', 'disabledWorkforceRate']} />
      <TextField name="labourCostShare" label="Part de main-d’œuvre dans le prix de ces achats" hint="Telle qu’indiquée sur les factures des ESAT et EA, en %." unit="%" inputMode="text" required value={labour} onChange={setLabour} errors={errors} />
      <TextField name="contribution" label="Votre contribution OETH avant déduction" unit="€" inputMode="text" required value={contribution} onChange={setContribution} errors={errors} />
      <TextField name="disabledWorkforceRate" label="Part de travailleurs handicapés dans votre effectif" unit="%" inputMode="text" required value={rate} onChange={setRate} errors={errors} />
      <div className="actions">
        <button type="submit">Calculer la déduction</button>
      </div>
      {d && (
        <div role="status">
          <p>
            Déduction : <strong>{formatEuros(d.deduction)}</strong> (30 % de {formatEuros(d.labourCost)} de main-d’œuvre, soit {formatEuros(d.beforeCap)}
            {d.capped ? `, limitée à ${percent(d.capRate)} de la contribution : ${formatEuros(d.cap)}` : `, sous le plafond de ${percent(d.capRate)} de la contribution : ${formatEuros(d.cap)}`}).
          </p>
          <p className="hint">{d.rule}</p>
        </div>
      )}
    </form>
  );
}
