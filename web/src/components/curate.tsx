// Curating a draft: remove, reorder (drag and drop, and buttons so the keyboard does it too), add from the directory
// (components/add-structure.tsx), a note per structure, then preview the exact emails and approve them
// (components/approval.tsx). Every change but a note is saved at once; notes are saved by their button or the preview.
import { useEffect, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { errorsOf, type FieldErrors } from '../errors';
import { graphql } from '../gql';
import type { ShortlistQuery } from '../gql/graphql';
import { formatDate, percent } from '../format';
import { AddFromDirectory } from './add-structure';
import { Approval } from './approval';
import { ErrorSummary, TextArea } from './fields';
import { Reasons, SupplierLink } from './match';

type Shortlist = NonNullable<ShortlistQuery['shortlist']>;

const Update = graphql(`
  mutation UpdateShortlist($id: ID!, $supplierIds: [ID!]!, $notes: [ShortlistNoteInput!], $overrides: [ShortlistOverrideInput!]) {
    updateShortlist(id: $id, supplierIds: $supplierIds, notes: $notes, overrides: $overrides) {
      id
      items {
        rank
        note
        supplier {
          id
        }
      }
    }
  }
`);


export function Curate({ shortlist }: { shortlist: Shortlist }) {
  const items = [...shortlist.items].sort((a, b) => a.rank - b.rank);
  const ids = items.map((i) => i.supplier.id);
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries(items.map((i) => [i.supplier.id, i.note ?? ''])));
  const [update, save] = useMutation(Update);
  const [announce, setAnnounce] = useState('');
  // After a move, the keyboard goes back to the moved structure's button once the saved order is shown; after a
  // removal, to the structure now in its place (or the list's title); after an addition, to the added structure.
  const focusAfter = useRef<{ id: string; order: string } | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (!target || target.order !== ids.join(',')) return;
    focusAfter.current = null;
    document.getElementById(target.id)?.focus();
  });

  /** Saves the list with every note as typed (and a derogation, when given); the API's refusal by field, empty when saved. */
  async function saveList(next: string[], what: string, override?: { supplierId: string; reason: string }): Promise<FieldErrors> {
    const res = await save({ id: shortlist.id, supplierIds: next, notes: next.map((supplierId) => ({ supplierId, note: notes[supplierId] ?? '' })), overrides: override ? [override] : null });
    if (res.data) setAnnounce(what);
    return res.data ? {} : errorsOf(res.error);
  }
  const saveNotes = async () => Object.keys(await saveList(ids, 'Notes enregistrées.')).length === 0;

  function move(index: number, delta: -1 | 1) {
    if (update.fetching) return; // buttons stay enabled (a disabled button loses the keyboard focus)
    const next = [...ids];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved!);
    const name = items[index]!.supplier.name;
    const position = index + delta;
    // Keep the keyboard where it was: on the same button of the moved structure, or its other one at an end.
    const edge = (delta === -1 && position === 0) || (delta === 1 && position === next.length - 1);
    focusAfter.current = { id: `${edge ? (delta === -1 ? 'descendre' : 'monter') : delta === -1 ? 'monter' : 'descendre'}-${moved}`, order: next.join(',') };
    void saveList(next, `${name} déplacée en position ${position + 1}.`);
  }

  function remove(index: number) {
    const next = ids.filter((_, i) => i !== index);
    const neighbour = next[Math.min(index, next.length - 1)];
    focusAfter.current = { id: neighbour ? `structure-${neighbour}` : 'liste', order: next.join(',') };
    void saveList(next, `${items[index]!.supplier.name} retirée de la liste.`);
  }

  function add(id: string, name: string, derogation: string | null) {
    const next = [...ids, id];
    focusAfter.current = { id: `structure-${id}`, order: next.join(',') };
    return saveList(next, `${name} ajoutée à la liste.`, derogation === null ? undefined : { supplierId: id, reason: derogation });
  }

  // Drag and drop, for the mouse; the buttons above do the same for the keyboard.
  const dragged = useRef<number | null>(null);
  function drop(to: number) {
    const from = dragged.current;
    dragged.current = null;
    if (from === null || from === to || update.fetching) return;
    const next = [...ids];
    const [moved] = next.splice(from, 1);
    next.splice(to, 0, moved!);
    void saveList(next, `${items[from]!.supplier.name} déplacée en position ${to + 1}.`);
  }

  // A derogation asked for is explained where the structure was being added, not here.
  const errors = Object.fromEntries(Object.entries(errorsOf(update.error)).filter(([field]) => !field.startsWith('overrides')));
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <ErrorSummary errors={errors} fields={[]} />
      <section aria-labelledby="liste">
        <h2 id="liste" tabIndex={-1}>
          Structures de la liste ({items.length})
        </h2>
        {shortlist.notice && (
          <p className="notice" role="status">
            {shortlist.notice}
          </p>
        )}
        {items.length === 0 && <p>La liste est vide : ajoutez au moins une structure.</p>}
        <ol className="cards">
          {items.map((item, index) => (
            <li
              key={item.supplier.id}
              className="card"
              draggable
              onDragStart={(e) => {
                dragged.current = index;
                e.dataTransfer.effectAllowed = 'move';
              }}
              onDragOver={(e) => e.preventDefault()}
              onDrop={(e) => {
                e.preventDefault();
                drop(index);
              }}
            >
              <h3 id={`structure-${item.supplier.id}`} tabIndex={-1}>
                {index + 1}. <SupplierLink id={item.supplier.id} name={item.supplier.name} />
              </h3>
              <p>
                {item.supplier.commune.name}
                {item.score != null && <> · Score : {percent(item.score)}</>}
                {!item.proposedByMatcher && <> · ajoutée par un agent</>}
                {item.alreadyIntroducedAt && (
                  <>
                    {' '}
                    <span className="badge wait">déjà présentée le {formatDate(item.alreadyIntroducedAt)}</span>
                  </>
                )}
              </p>
              {item.override && (
                <p className="notice notice-error">
                  <strong>Dérogation :</strong> {item.override.constraint}. <strong>Raison de l’agent :</strong> {item.override.reason}
                </p>
              )}
              <Reasons reasons={item.reasons} />
              <TextArea name={`note-${item.supplier.id}`} label={`Note pour ${item.supplier.name}`} hint="L’entreprise la lira dans son courriel." rows={2} value={notes[item.supplier.id] ?? ''} onChange={(v) => setNotes({ ...notes, [item.supplier.id]: v })} />
              <div className="actions" role="group" aria-label={`Actions pour ${item.supplier.name}`}>
                <button type="button" className="secondary small" id={`monter-${item.supplier.id}`} disabled={index === 0} onClick={() => move(index, -1)}>
                  Monter<span className="visually-hidden"> {item.supplier.name}</span>
                </button>
                <button type="button" className="secondary small" id={`descendre-${item.supplier.id}`} disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                  Descendre<span className="visually-hidden"> {item.supplier.name}</span>
                </button>
                <button type="button" className="secondary small" disabled={update.fetching} onClick={() => remove(index)}>
                  Retirer<span className="visually-hidden"> {item.supplier.name}</span>
                </button>
              </div>
            </li>
          ))}
        </ol>
        <div className="actions">
          <button type="button" className="secondary" onClick={() => void saveList(ids, 'Notes enregistrées.')} disabled={update.fetching}>
            Enregistrer les notes
          </button>
        </div>
      </section>

      <AddFromDirectory exclude={ids} onAdd={add} />

      <Approval shortlistId={shortlist.id} ids={ids} notes={notes} saveNotes={saveNotes} busy={update.fetching} />
    </>
  );
}
