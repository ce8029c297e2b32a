// Curating a draft: remove, reorder (drag and drop, and buttons so the keyboard does it too), add from the directory, a note
// per structure, preview the exact emails, then approve with a message. Every change is saved at once.
import { useEffect, useRef, useState } from 'react';
import { useClient, useMutation, useQuery } from 'urql';
import { errorsOf, messageOf } from '../errors';
import { graphql } from '../gql';
import type { ShortlistQuery } from '../gql/graphql';
import { percent } from '../format';
import { ErrorSummary, TextArea, TextField } from './fields';
import { Reasons, SupplierLink } from './match';

type Shortlist = NonNullable<ShortlistQuery['shortlist']>;

const Update = graphql(`
  mutation UpdateShortlist($id: ID!, $supplierIds: [ID!]!, $notes: [ShortlistNoteInput!]) {
    updateShortlist(id: $id, supplierIds: $supplierIds, notes: $notes) {
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

const Preview = graphql(`
  query PreviewIntroduction($id: ID!) {
    previewIntroduction(shortlistId: $id) {
      to
      subject
      text
    }
  }
`);

const Approve = graphql(`
  mutation ApproveShortlist($id: ID!, $message: String) {
    approveShortlist(id: $id, message: $message) {
      id
      status
    }
  }
`);

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

type Mail = { to: string; subject: string; text: string };

export function Curate({ shortlist }: { shortlist: Shortlist }) {
  const client = useClient();
  const items = [...shortlist.items].sort((a, b) => a.rank - b.rank);
  const ids = items.map((i) => i.supplier.id);
  const [notes, setNotes] = useState<Record<string, string>>(() => Object.fromEntries(items.map((i) => [i.supplier.id, i.note ?? ''])));
  const [update, save] = useMutation(Update);
  const [approval, approve] = useMutation(Approve);
  const [announce, setAnnounce] = useState('');
  const [preview, setPreview] = useState<Mail[] | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  // After a move, the keyboard goes back to the moved structure's button once the saved order is shown.
  const focusAfter = useRef<{ id: string; order: string } | null>(null);
  useEffect(() => {
    const target = focusAfter.current;
    if (!target || target.order !== ids.join(',')) return;
    focusAfter.current = null;
    document.getElementById(target.id)?.focus();
  });

  async function saveList(next: string[], what: string) {
    setPreview(null); // a preview of another list no longer says what will be sent
    const res = await save({ id: shortlist.id, supplierIds: next, notes: next.map((supplierId) => ({ supplierId, note: notes[supplierId] ?? '' })) });
    if (res.data) setAnnounce(what);
    return !!res.data;
  }

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

  async function showPreview() {
    setPreviewError(null);
    if (!(await saveList(ids, 'Notes enregistrées.'))) return;
    const res = await client.query(Preview, { id: shortlist.id }, { requestPolicy: 'network-only' }).toPromise();
    if (res.data) setPreview(res.data.previewIntroduction);
    else setPreviewError(messageOf(res.error));
  }

  async function submitApproval() {
    await approve({ id: shortlist.id, message: message || null }); // the page then shows the approved list
  }

  const errors = errorsOf(update.error);
  const approvalErrors = errorsOf(approval.error);
  return (
    <>
      <p className="visually-hidden" aria-live="polite">
        {announce}
      </p>
      <ErrorSummary errors={errors} fields={[]} />
      <section aria-labelledby="liste">
        <h2 id="liste">Structures de la liste ({items.length})</h2>
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
              <h3>
                {index + 1}. <SupplierLink id={item.supplier.id} name={item.supplier.name} />
              </h3>
              <p>
                {item.supplier.commune.name}
                {item.score != null && <> · Score : {percent(item.score)}</>}
                {!item.proposedByMatcher && <> · ajoutée par un agent</>}
              </p>
              <Reasons reasons={item.reasons} />
              <TextArea name={`note-${item.supplier.id}`} label={`Note pour ${item.supplier.name}`} hint="L’entreprise la lira dans son courriel." rows={2} value={notes[item.supplier.id] ?? ''} onChange={(v) => setNotes({ ...notes, [item.supplier.id]: v })} />
              <div className="actions" role="group" aria-label={`Actions pour ${item.supplier.name}`}>
                <button type="button" className="secondary small" id={`monter-${item.supplier.id}`} disabled={index === 0} onClick={() => move(index, -1)}>
                  Monter<span className="visually-hidden"> {item.supplier.name}</span>
                </button>
                <button type="button" className="secondary small" id={`descendre-${item.supplier.id}`} disabled={index === items.length - 1} onClick={() => move(index, 1)}>
                  Descendre<span className="visually-hidden"> {item.supplier.name}</span>
                </button>
                <button type="button" className="secondary small" disabled={update.fetching} onClick={() => void saveList(ids.filter((x) => x !== item.supplier.id), `${item.supplier.name} retirée de la liste.`)}>
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

      <AddFromDirectory exclude={ids} onAdd={(id, name) => void saveList([...ids, id], `${name} ajoutée à la liste.`)} />

      <section aria-labelledby="apercu">
        <h2 id="apercu">Aperçu des courriels</h2>
        <p>Chaque courriel que l’approbation enverra, tel qu’il partira.</p>
        <button type="button" className="secondary" onClick={showPreview} disabled={update.fetching || items.length === 0}>
          Prévisualiser les courriels
        </button>
        {previewError && (
          <p className="notice notice-error" role="alert">
            {previewError}
          </p>
        )}
        {preview && (
          <div className="previews">
            {preview.map((mail, i) => (
              <article key={i} className="mail-preview" aria-label={`Courriel à ${mail.to}`}>
                <h3>{mail.subject}</h3>
                <p>
                  À : <strong>{mail.to}</strong>
                </p>
                <pre>{mail.text}</pre>
              </article>
            ))}
          </div>
        )}
      </section>

      <section aria-labelledby="approuver">
        <h2 id="approuver">Approuver et envoyer</h2>
        {!preview && <p>Prévisualisez d’abord les courriels : l’approbation les envoie aussitôt.</p>}
        <ErrorSummary errors={approvalErrors} fields={['message']} />
        <div className="form">
          <TextArea name="message" label="Message à l’entreprise" hint="Il ouvre le courriel envoyé à l’entreprise." value={message} onChange={setMessage} errors={approvalErrors} />
          <div className="actions">
            <button type="button" onClick={submitApproval} disabled={!preview || approval.fetching || update.fetching}>
              Approuver et envoyer les courriels
            </button>
          </div>
        </div>
      </section>
    </>
  );
}

function AddFromDirectory({ exclude, onAdd }: { exclude: string[]; onAdd: (id: string, name: string) => void }) {
  const [text, setText] = useState('');
  const [submitted, setSubmitted] = useState('');
  const [{ data, fetching, error }] = useQuery({ query: Search, variables: { text: submitted }, pause: !submitted });
  const results = data?.suppliers.edges.map((e) => e.node) ?? [];
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
                  <button type="button" className="small" onClick={() => onAdd(s.id, s.name)}>
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
