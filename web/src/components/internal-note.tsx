// The officers' working note on a need, read and rewritten on the need's page at every step of the
// need (introduced and closed ones too). A note is saved with the one it was written from: another
// officer's words saved meanwhile are never overwritten, the API refuses and says what the note is now.
import { useState, type FormEvent } from 'react';
import { useClient, useMutation, type CombinedError } from 'urql';
import { errorsOf, type FieldErrors } from '../errors';
import { graphql } from '../gql';
import { ErrorSummary, focusErrorSummary, TextArea } from './fields';

const SaveNote = graphql(`
  mutation SaveInternalNote($id: ID!, $note: String, $was: String) {
    updateNeed(id: $id, input: { internalNote: $note, internalNoteWas: $was }) {
      id
      internalNote
    }
  }
`);

const CurrentNote = graphql(`
  query CurrentInternalNote($id: ID!) {
    need(id: $id) {
      id
      internalNote
    }
  }
`);

/** The API's errors for a form holding the note: a note a colleague changed meanwhile is said at the note's field, with what it says now. */
export function noteErrors(error: CombinedError | undefined): FieldErrors {
  const { internalNoteWas: changedMeanwhile, ...others } = errorsOf(error);
  return changedMeanwhile ? { ...others, internalNote: changedMeanwhile } : others;
}

/** After a refused save: the note as it is now when a colleague's was saved meanwhile (the next save goes over it), else null. */
export function useNoteSavedMeanwhile() {
  const client = useClient();
  return async (error: CombinedError | undefined, needId: string): Promise<string | null> => {
    if (!error?.graphQLErrors.some((g) => g.extensions?.field === 'internalNoteWas')) return null;
    const now = await client.query(CurrentNote, { id: needId }, { requestPolicy: 'network-only' }).toPromise();
    return now.data?.need?.internalNote ?? '';
  };
}

export function InternalNote({ needId, note }: { needId: string; note: string | null }) {
  const [editing, setEditing] = useState<{ from: string; text: string } | null>(null);
  const [saving, save] = useMutation(SaveNote);
  const savedMeanwhile = useNoteSavedMeanwhile();
  const errors = noteErrors(saving.error);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!editing) return;
    const form = e.currentTarget as HTMLFormElement;
    const res = await save({ id: needId, note: editing.text.trim() || null, was: editing.from || null });
    if (res.data) return setEditing(null);
    // Changed meanwhile: the officer's text stays, to be merged with the note as it is now (in the message), then saved over it.
    const now = await savedMeanwhile(res.error, needId);
    if (now !== null) setEditing({ ...editing, from: now });
    focusErrorSummary(form);
  }

  if (!editing) {
    return (
      <div className="internal-note">
        <p>
          <strong>Note interne (jamais envoyée) :</strong> {note || 'aucune.'}
        </p>
        <button type="button" className="secondary" onClick={() => setEditing({ from: note ?? '', text: note ?? '' })}>
          {note ? 'Modifier la note interne' : 'Ajouter une note interne'}
        </button>
      </div>
    );
  }
  return (
    <form className="internal-note" onSubmit={submit} noValidate aria-label="Note interne">
      <ErrorSummary errors={errors} fields={['internalNote']} />
      <TextArea name="internalNote" label="Note interne" hint="Jamais envoyée à l’entreprise ni aux structures : interlocuteur, ce qui a été dit au téléphone." value={editing.text} onChange={(text) => setEditing({ ...editing, text })} errors={errors} />
      <div className="actions">
        <button type="submit" disabled={saving.fetching}>
          Enregistrer la note
        </button>
        <button type="button" className="secondary" onClick={() => setEditing(null)}>
          Annuler
        </button>
      </div>
    </form>
  );
}
