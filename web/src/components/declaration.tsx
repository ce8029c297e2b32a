// What a structure declared about itself (inclusion kind, labels) beside what is confirmed, and the
// officer's decision: confirm, or refuse with a reason the structure receives by mail.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { INCLUSION_KIND_FR, ofName } from '../../../api/reference/vocabulary';
import { errorsOf } from '../errors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { InclusionKind } from '../gql/graphql';
import { ErrorSummary, TextArea } from './fields';

const Review = graphql(`
  mutation ReviewDeclaration($id: ID!, $approve: Boolean!, $reason: String, $requestedAt: DateTime!) {
    reviewSupplierChanges(id: $id, approve: $approve, reason: $reason, requestedAt: $requestedAt) {
      id
      inclusionKind
      labels
      pendingChanges {
        requestedAt
      }
      declarationReview {
        approved
        reason
        reviewedAt
      }
    }
  }
`);

interface Declared {
  id: string;
  name: string;
  inclusionKind?: InclusionKind | null;
  labels: readonly string[];
  pendingChanges?: { inclusionKind?: InclusionKind | null; labels: readonly string[]; requestedAt: unknown } | null;
}

const kindFr = (k: InclusionKind | null | undefined) => (k ? INCLUSION_KIND_FR[k] : 'aucun');

/** Nothing when the structure has nothing pending. `onDecided` gets the sentence saying what was done. */
export function DeclarationDecision({ supplier: s, onDecided }: { supplier: Declared; onDecided?: (said: string) => void }) {
  const [reason, setReason] = useState('');
  const [review, send] = useMutation(Review);
  const [done, setDone] = useState<string | null>(null);
  const p = s.pendingChanges;
  if (!p) return done ? <p role="status">{done}</p> : null;
  const errors = errorsOf(review.error);
  const field = `motif-${s.id}`;

  async function decide(approve: boolean, e?: FormEvent) {
    e?.preventDefault();
    // The declaration shown: one the structure sent since is refused, to be read first.
    const res = await send({ id: s.id, approve, reason: reason.trim() || null, requestedAt: String(p!.requestedAt) });
    if (!res.data) return;
    const said = approve ? `Déclaration ${ofName(s.name)} confirmée : la structure en est informée par courriel.` : `Déclaration ${ofName(s.name)} refusée : la structure en est informée, avec votre motif.`;
    setDone(said);
    onDecided?.(said);
  }

  return (
    <form className="declaration" onSubmit={(e) => decide(false, e)} noValidate aria-label={`Déclaration ${ofName(s.name)}`}>
      <ErrorSummary errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'reason' ? field : k, v]))} fields={[field]} />
      <table>
        <caption>Déclarée le {formatDate(String(p.requestedAt))}</caption>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">Confirmé</th>
            <th scope="col">Déclaré par la structure</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <th scope="row">Type d’inclusion</th>
            <td>{kindFr(s.inclusionKind)}</td>
            <td>{kindFr(p.inclusionKind)}</td>
          </tr>
          <tr>
            <th scope="row">Labels</th>
            <td>{s.labels.join(', ') || 'aucun'}</td>
            <td>{p.labels.join(', ') || 'aucun'}</td>
          </tr>
        </tbody>
      </table>
      <TextArea
        name={field}
        label="Motif"
        hint="Obligatoire pour refuser. La structure le reçoit par courriel : dites ce qui manque (une convention, un certificat…)."
        value={reason}
        onChange={setReason}
        errors={Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'reason' ? field : k, v]))}
        rows={2}
      />
      <div className="actions">
        <button type="button" disabled={review.fetching} onClick={() => void decide(true)}>
          Confirmer la déclaration
        </button>
        <button type="submit" className="secondary" disabled={review.fetching}>
          Refuser, avec ce motif
        </button>
      </div>
    </form>
  );
}
