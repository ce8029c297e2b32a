// What an officer may still do with a need, by its status: correct it or withdraw it before any
// introduction (a reason, kept), close it once handled (a note); the API's rules and refusals apply.
import { useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { Link } from 'wouter';
import { NEED_STATUS_FR } from '../../../api/reference/vocabulary';
import { errorsOf } from '../errors';
import { graphql } from '../gql';
import type { NeedStatus } from '../gql/graphql';
import { ErrorSummary, TextArea } from './fields';

const Withdraw = graphql(`
  mutation WithdrawNeedFromConsole($id: ID!, $reason: String!) {
    withdrawNeed(id: $id, reason: $reason) {
      id
      status
      withdrawalReason
    }
  }
`);

const Close = graphql(`
  mutation CloseNeedFromConsole($id: ID!, $note: String) {
    closeNeed(id: $id, note: $note) {
      id
      status
      closingNote
    }
  }
`);

export function NeedActions({ needId, status }: { needId: string; status: NeedStatus }) {
  const [text, setText] = useState('');
  const [withdrawal, withdraw] = useMutation(Withdraw);
  const [closing, close] = useMutation(Close);
  const ended = status === 'WITHDRAWN' || status === 'CLOSED';
  const changeable = status === 'OPEN' || status === 'AWAITING_CONFIRMATION';
  const errors = { ...errorsOf(withdrawal.error), ...errorsOf(closing.error) };
  const shown = Object.fromEntries(Object.entries(errors).map(([k, v]) => [k === 'reason' || k === 'note' ? 'motif-besoin' : k, v]));

  async function act(e: FormEvent, kind: 'withdraw' | 'close') {
    e.preventDefault();
    if (kind === 'withdraw') await withdraw({ id: needId, reason: text });
    else await close({ id: needId, note: text.trim() || null });
  }

  return (
    <section aria-labelledby="suite-besoin">
      <h2 id="suite-besoin">Statut : {NEED_STATUS_FR[status]}</h2>
      {changeable && (
        <p>
          <Link className="button secondary" href={`/besoins/${needId}/modifier`}>
            Corriger le besoin
          </Link>
        </p>
      )}
      {!ended && (
        <form onSubmit={(e) => act(e, changeable ? 'withdraw' : 'close')} noValidate>
          <ErrorSummary errors={shown} fields={['motif-besoin']} />
          <TextArea
            name="motif-besoin"
            label={changeable ? 'Motif du retrait, ou note de clôture' : 'Note de clôture'}
            hint={changeable ? 'Obligatoire pour retirer (l’entreprise a renoncé, doublon…) ; facultative pour clore.' : 'Facultative : ce qui a été fait.'}
            value={text}
            onChange={setText}
            errors={shown}
            rows={2}
          />
          <div className="actions">
            {changeable && (
              <button type="submit" className="secondary" disabled={withdrawal.fetching}>
                Retirer le besoin
              </button>
            )}
            <button type={changeable ? 'button' : 'submit'} className="secondary" disabled={closing.fetching} onClick={changeable ? (e) => void act(e, 'close') : undefined}>
              Clore le besoin
            </button>
          </div>
        </form>
      )}
    </section>
  );
}
