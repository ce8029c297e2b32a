// Previewing a draft's mails with the firm's message, then approving exactly that preview: a note,
// the message or the list changed since is caught here (approval asks for a new preview), and by the
// API (the preview's fingerprint) for anything changed elsewhere.
import { useState } from 'react';
import { useClient, useMutation } from 'urql';
import { errorsOf, messageOf } from '../errors';
import { graphql } from '../gql';
import { ErrorSummary, TextArea } from './fields';

const Preview = graphql(`
  query PreviewIntroduction($id: ID!, $message: String) {
    previewIntroduction(shortlistId: $id, message: $message) {
      to
      subject
      text
      fingerprint
    }
  }
`);

const Approve = graphql(`
  mutation ApproveShortlist($id: ID!, $message: String, $previewFingerprint: String) {
    approveShortlist(id: $id, message: $message, previewFingerprint: $previewFingerprint) {
      id
      status
    }
  }
`);

type Mail = { to: string; subject: string; text: string };

/** What a preview was made from, to tell whether it still shows what approval would send. */
interface Previewed {
  mails: Mail[];
  fingerprint: string;
  message: string;
  order: string;
  notes: Record<string, string>;
}

export const STALE_PREVIEW = 'Une note ou le message a changé depuis l’aperçu : prévisualisez de nouveau les courriels (les notes sont alors enregistrées), puis approuvez.';

export function Approval({ shortlistId, ids, notes, saveNotes, busy }: { shortlistId: string; ids: string[]; notes: Record<string, string>; saveNotes: () => Promise<boolean>; busy: boolean }) {
  const client = useClient();
  const [approval, approve] = useMutation(Approve);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [blocked, setBlocked] = useState<string | null>(null);
  const [message, setMessage] = useState('');
  // A preview of another list (a structure added, removed or moved) no longer says what will be sent.
  const preview = previewed && previewed.order === ids.join(',') ? previewed : null;
  const stale = preview !== null && (preview.message !== message || ids.some((id) => (notes[id] ?? '') !== (preview.notes[id] ?? '')));

  async function showPreview() {
    setPreviewError(null);
    setBlocked(null);
    const snapshot = { message, order: ids.join(','), notes: { ...notes } };
    if (!(await saveNotes())) return;
    const res = await client.query(Preview, { id: shortlistId, message: snapshot.message || null }, { requestPolicy: 'network-only' }).toPromise();
    const mails = res.data?.previewIntroduction;
    if (mails) setPreviewed({ ...snapshot, mails, fingerprint: mails[0]?.fingerprint ?? '' });
    else setPreviewError(messageOf(res.error));
  }

  async function submitApproval() {
    if (!preview || stale) {
      setBlocked(STALE_PREVIEW);
      return;
    }
    setBlocked(null);
    await approve({ id: shortlistId, message: preview.message || null, previewFingerprint: preview.fingerprint }); // the page then shows the approved list
  }

  const approvalErrors = errorsOf(approval.error);
  return (
    <>
      <section aria-labelledby="apercu">
        <h2 id="apercu">Aperçu des courriels</h2>
        <p>Chaque courriel que l’approbation enverra, tel qu’il partira.</p>
        <div className="form">
          <TextArea name="message" label="Message à l’entreprise" hint="Il ouvre le courriel envoyé à l’entreprise ; l’aperçu le montre." value={message} onChange={setMessage} errors={approvalErrors} />
        </div>
        <button type="button" className="secondary" onClick={showPreview} disabled={busy || ids.length === 0}>
          Prévisualiser les courriels
        </button>
        {previewError && (
          <p className="notice notice-error" role="alert">
            {previewError}
          </p>
        )}
        {stale && (
          <p className="notice" role="status">
            Les courriels ont changé depuis cet aperçu.
          </p>
        )}
        {preview && (
          <div className="previews">
            {preview.mails.map((mail, i) => (
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
        {!preview && <p>Prévisualisez d’abord les courriels : l’approbation envoie exactement ce que montre l’aperçu.</p>}
        <ErrorSummary errors={approvalErrors} fields={['message']} />
        {blocked && (
          <p className="notice notice-error" role="alert">
            {blocked}
          </p>
        )}
        <div className="actions">
          <button type="button" onClick={submitApproval} disabled={!preview || approval.fetching || busy}>
            Approuver et envoyer les courriels
          </button>
        </div>
      </section>
    </>
  );
}
