// Adding a structure of the directory to a draft. One a hard constraint of the need excludes (a
// required inclusion kind or label, out of range) is refused by the API, naming the constraint; the
// officer may then add it by derogation, giving the reason, which the list shows.
import { useState } from 'react';
import { useQuery } from 'urql';
import { type FieldErrors, messageOf } from '../errors';
import { graphql } from '../gql';
import { TextArea, TextField } from './fields';
import { SupplierLink } from './match';

const Search = graphql(`
  query DirectorySearch($text: String!) {
    suppliers(filter: { text: $text }, first: 10) {
      totalCount
      edges {
        node {
          id
          name
          commune {
            name
          }
        }
      }
    }
  }
`);

/** Adds the structure (with the officer's reason for a derogation, when given); the API's refusal by field, empty when added. */
export type AddStructure = (id: string, name: string, derogation: string | null) => Promise<FieldErrors>;

/** A refusal about the derogation: its field is `overrides` (or one of its entries). */
const derogationError = (errors: FieldErrors): string | undefined => Object.entries(errors).find(([field]) => field.startsWith('overrides'))?.[1];

export function AddFromDirectory({ exclude, onAdd }: { exclude: string[]; onAdd: AddStructure }) {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [pending, setPending] = useState<{ id: string; name: string; why: string } | null>(null);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string | null>(null);
  const [{ data, fetching, error }] = useQuery({ query: Search, variables: { text: submitted }, pause: !submitted });
  const results = data?.suppliers.edges.map((e) => e.node) ?? [];

  async function add(id: string, name: string) {
    const why = derogationError(await onAdd(id, name, null));
    setReason('');
    setReasonError(null);
    setPending(why ? { id, name, why } : null);
  }

  async function addByDerogation() {
    if (!pending) return;
    const refused = derogationError(await onAdd(pending.id, pending.name, reason));
    setReasonError(refused ?? null);
    if (!refused) setPending(null);
  }

  return (
    <section aria-labelledby="ajouter">
      <h2 id="ajouter">Ajouter une structure de l’annuaire</h2>
      <form
        className="search-form"
        role="search"
        onSubmit={(e) => {
          e.preventDefault();
          setSubmitted(text.trim() ? text : ''); // as typed: a space after the last word says it is complete
        }}
      >
        <TextField name="recherche-ajout" label="Rechercher dans l’annuaire" hint="Nom, activité ou prestation." value={text} onChange={setText} />
        <button type="submit" className="secondary">
          Rechercher
        </button>
      </form>
      {error && <p className="notice notice-error">{messageOf(error)}</p>}
      {pending && (
        <div className="form derogation">
          <p className="notice notice-error" role="alert">
            {pending.why}
          </p>
          <TextArea
            name="derogation"
            label={`Raison de la dérogation pour ${pending.name}`}
            hint="Elle est gardée dans la liste ; la structure est alors présentée malgré l’exigence du besoin."
            rows={2}
            value={reason}
            onChange={setReason}
            required
            errors={reasonError ? { derogation: reasonError } : {}}
          />
          <div className="actions">
            <button type="button" onClick={() => void addByDerogation()}>
              Ajouter malgré l’exigence
            </button>
            <button type="button" className="secondary" onClick={() => setPending(null)}>
              Ne pas l’ajouter
            </button>
          </div>
        </div>
      )}
      {submitted && !fetching && data && (
        <>
          <p role="status">
            {data.suppliers.totalCount} structure{data.suppliers.totalCount > 1 ? 's' : ''} trouvée{data.suppliers.totalCount > 1 ? 's' : ''}.
          </p>
          <ul className="results">
            {results.map((s) => (
              <li key={s.id}>
                <SupplierLink id={s.id} name={s.name} /> ({s.commune.name}){' '}
                {exclude.includes(s.id) ? (
                  <span className="badge wait">déjà dans la liste</span>
                ) : (
                  <button type="button" className="small" onClick={() => void add(s.id, s.name)}>
                    Ajouter<span className="visually-hidden"> {s.name}</span> à la liste
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
