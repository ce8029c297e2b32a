// A firm corrects or withdraws its need before any structure is presented (updateNeed, withdrawNeed):
// the API's rules apply and its refusals are shown next to the field they name.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { ErrorSummary, focusErrorSummary, TextArea, TextField } from './fields';
import { errorsOf, type FieldErrors } from '../errors';
import { graphql } from '../gql';
import { changedFields, optionalEuros } from '../inputs';

const UpdateMyNeed = graphql(`
  mutation UpdateMyNeed($id: ID!, $input: NeedUpdateInput!) {
    updateNeed(id: $id, input: $input) {
      id
      title
      description
      budgetMin
      budgetMax
      nextStep
      changeable
    }
  }
`);

const WithdrawMyNeed = graphql(`
  mutation WithdrawMyNeed($id: ID!, $reason: String!) {
    withdrawNeed(id: $id, reason: $reason) {
      id
      status
      withdrawnAt
      withdrawalReason
      nextStep
      changeable
    }
  }
`);

interface Editable {
  id: string;
  title: string;
  description: string;
  budgetMin?: number | null;
  budgetMax?: number | null;
}

/** After a change the form goes away: the keyboard goes to the need's heading, which now says where it is. */
const focusNeed = (needId: string) => requestAnimationFrame(() => document.getElementById(`besoin-${needId}`)?.focus());

/** The API's field errors under this need's own field names (several needs share the page). */
const under = (errors: FieldErrors, needId: string): FieldErrors => Object.fromEntries(Object.entries(errors).map(([k, v]) => [k ? `${k}-${needId}` : '', v]));

export function NeedChanges({ need }: { need: Editable }) {
  const [open, setOpen] = useState<'edit' | 'withdraw' | null>(null);
  return (
    <div className="need-changes">
      <p>Tant qu’aucune structure ne vous a été présentée, vous pouvez corriger ce besoin ou le retirer.</p>
      <div className="actions">
        <button type="button" className="secondary" aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
          Corriger<span className="visually-hidden"> le besoin « {need.title} »</span>
        </button>
        <button type="button" className="secondary" aria-expanded={open === 'withdraw'} onClick={() => setOpen(open === 'withdraw' ? null : 'withdraw')}>
          Retirer<span className="visually-hidden"> le besoin « {need.title} »</span>
        </button>
      </div>
      {open === 'edit' && (
        <EditForm
          need={need}
          done={() => {
            setOpen(null);
            focusNeed(need.id);
          }}
        />
      )}
      {open === 'withdraw' && <WithdrawForm need={need} />}
    </div>
  );
}

function EditForm({ need, done }: { need: Editable; done: () => void }) {
  const [title, setTitle] = useState(need.title);
  const [description, setDescription] = useState(need.description);
  const [budgetMin, setBudgetMin] = useState(need.budgetMin?.toString() ?? '');
  const [budgetMax, setBudgetMax] = useState(need.budgetMax?.toString() ?? '');
  const [local, setLocal] = useState<FieldErrors>({});
  const [opened] = useState(() => ({ title: need.title, description: need.description, budgetMin: need.budgetMin ?? null, budgetMax: need.budgetMax ?? null }));
  const [result, update] = useMutation(UpdateMyNeed);
  const shown = under({ ...errorsOf(result.error), ...local }, need.id);
  const names = ['title', 'description', 'budgetMin', 'budgetMax'].map((f) => `${f}-${need.id}`);

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const numbers: FieldErrors = {};
    const min = optionalEuros(budgetMin, 'budgetMin', numbers);
    const max = optionalEuros(budgetMax, 'budgetMax', numbers);
    setLocal(numbers); // an amount it cannot read is sent as UNREADABLE: the API then says every other error too
    const changes = changedFields(opened, { title, description, budgetMin: min, budgetMax: max });
    if (Object.keys(changes).length === 0) return done();
    const res = await update({ id: need.id, input: changes });
    if (res.data) done();
    else focusErrorSummary(form);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Corriger le besoin « ${need.title} »`}>
      <ErrorSummary errors={shown} fields={names} />
      <TextField name={names[0]!} label="Titre du besoin" required value={title} onChange={setTitle} errors={shown} />
      <TextArea name={names[1]!} label="Description" hint="Envoyée telle quelle aux structures présentées." required value={description} onChange={setDescription} errors={shown} rows={5} />
      <TextField name={names[2]!} label="Budget minimum" unit="euros" inputMode="decimal" value={budgetMin} onChange={setBudgetMin} errors={shown} />
      <TextField name={names[3]!} label="Budget maximum" unit="euros" inputMode="decimal" value={budgetMax} onChange={setBudgetMax} errors={shown} />
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          Enregistrer la correction
        </button>
      </div>
    </form>
  );
}

function WithdrawForm({ need }: { need: Editable }) {
  const [reason, setReason] = useState('');
  const [result, withdraw] = useMutation(WithdrawMyNeed);
  const shown = under(errorsOf(result.error), need.id);
  const name = `reason-${need.id}`;

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    const res = await withdraw({ id: need.id, reason });
    if (res.data) focusNeed(need.id);
    else focusErrorSummary(form);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Retirer le besoin « ${need.title} »`}>
      <ErrorSummary errors={shown} fields={[name]} />
      <TextArea name={name} label="Pourquoi le retirez-vous ?" hint="Par exemple : besoin pourvu autrement, projet abandonné." required value={reason} onChange={setReason} errors={shown} rows={2} />
      <div className="actions">
        <button type="submit" disabled={result.fetching}>
          Retirer ce besoin
        </button>
      </div>
    </form>
  );
}
