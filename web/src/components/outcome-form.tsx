// What came of one introduction (recordOutcome), recorded by the firm in its space or by an officer
// in the console: the choice starts empty and must be made; an amount for a won contract.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { OUTCOME_FR } from '../../../api/reference/vocabulary';
import { errorsOf, type FieldErrors } from '../errors';
import { graphql } from '../gql';
import type { OutcomeStatus } from '../gql/graphql';
import { optionalEuros, optionalInt } from '../inputs';
import { optionsOf } from '../labels';
import { ErrorSummary, focusErrorSummary, SelectField, TextField } from './fields';

const RecordOutcome = graphql(`
  mutation RecordOutcome($shortlistId: ID!, $supplierId: ID!, $status: OutcomeStatus!, $amount: Int, $insertionHours: Int) {
    recordOutcome(shortlistId: $shortlistId, supplierId: $supplierId, status: $status, amount: $amount, insertionHours: $insertionHours) {
      rank
      outcome {
        status
        amount
        insertionHours
        updatedAt
      }
    }
  }
`);

const OUTCOME_OPTIONS = optionsOf(OUTCOME_FR);

interface Recorded {
  status: OutcomeStatus;
  amount?: number | null;
  insertionHours?: number | null;
}

export function OutcomeForm({ shortlistId, supplierId, name, insertion, outcome }: { shortlistId: string; supplierId: string; name: string; insertion: boolean; outcome: Recorded | null }) {
  const [status, setStatus] = useState<string>(outcome?.status ?? '');
  const [amount, setAmount] = useState(outcome?.amount != null ? String(outcome.amount) : '');
  const [hours, setHours] = useState(outcome?.insertionHours != null ? String(outcome.insertionHours) : '');
  const [local, setLocal] = useState<FieldErrors>({});
  const [saved, setSaved] = useState(false);
  const [result, record] = useMutation(RecordOutcome);
  const errors = { ...errorsOf(result.error), ...local };
  // One structure may be presented for two needs of one firm, both forms on one page: ids name the list too.
  const field = (f: string) => `${f}-${shortlistId}-${supplierId}`;
  // The API names `amount`; this form's field is amount-<list>-<id>.
  const shown: FieldErrors = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k ? field(k) : '', v]));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setSaved(false);
    const numbers: FieldErrors = {};
    if (!status) {
      setLocal({ status: '« status » : choisissez la suite donnée à cette mise en relation.' });
      return focusErrorSummary(form);
    }
    // sent as UNREADABLE when unreadable: the API then says every other error too
    const amountValue = status === 'WON' ? optionalEuros(amount, 'amount', numbers) : null;
    const hoursValue = status === 'WON' && insertion ? optionalInt(hours, 'insertionHours', numbers) : null;
    setLocal(numbers);
    const res = await record({ shortlistId, supplierId, status: status as OutcomeStatus, amount: amountValue, insertionHours: hoursValue });
    setSaved(!!res.data);
    if (!res.data) focusErrorSummary(form);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Suite pour ${name}`}>
      <ErrorSummary errors={shown} fields={[field('status'), field('amount'), field('insertionHours')]} />
      <SelectField name={field('status')} label="Suite donnée" required value={status} onChange={setStatus} options={OUTCOME_OPTIONS} emptyLabel="— Choisir —" errors={shown} />
      {status === 'WON' && <TextField name={field('amount')} label="Montant du marché" required unit="euros HT" inputMode="decimal" hint="Par exemple 12 000 ou 12 000,50 (arrondi à l’euro)." value={amount} onChange={setAmount} errors={shown} />}
      {status === 'WON' && insertion && <TextField name={field('insertionHours')} label="Heures d’insertion" unit="heures" inputMode="numeric" value={hours} onChange={setHours} errors={shown} />}
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          Enregistrer la suite<span className="visually-hidden"> pour {name}</span>
        </button>
        {saved && (
          <span role="status" className="badge ok">
            Suite enregistrée
          </span>
        )}
      </div>
    </form>
  );
}
