// An approved list: each email and its delivery state (a failed one can be sent again), each
// structure's answer, and what each introduction produced (recordOutcome).
import { useEffect, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { OUTCOME_FR, ofName } from '../../../api/reference/vocabulary';
import { errorsOf, messageOf, type FieldErrors } from '../errors';
import { formatDateTime, formatEuros } from '../format';
import { graphql } from '../gql';
import type { ShortlistQuery, SupplierAnswer } from '../gql/graphql';
import { MAIL_STATE_FR, optionsOf } from '../labels';
import { ErrorSummary, focusErrorSummary, SelectField, TextField } from './fields';
import { SupplierLink } from './match';
import { OutcomeForm } from './outcome-form';

type Shortlist = NonNullable<ShortlistQuery['shortlist']>;
type Item = Shortlist['items'][number];

const Retry = graphql(`
  mutation RetryMail($id: ID!) {
    retryMail(id: $id) {
      id
      state
      attempts
      lastError
    }
  }
`);

const RecordAnswer = graphql(`
  mutation RecordSupplierAnswer($shortlistId: ID!, $supplierId: ID!, $answer: SupplierAnswer!, $comment: String) {
    recordSupplierAnswer(shortlistId: $shortlistId, supplierId: $supplierId, answer: $answer, comment: $comment) {
      rank
      response {
        answer
        comment
        answeredAt
      }
    }
  }
`);

const ANSWER_FR: Record<string, string> = { INTERESTED: 'Intéressée', NOT_AVAILABLE: 'Pas disponible' };
const ANSWER_OPTIONS = optionsOf(ANSWER_FR);

export function FollowUp({ shortlist, refresh }: { shortlist: Shortlist; refresh: () => void }) {
  const [retry, retryMail] = useMutation(Retry);
  // Until the list is SENT (its follow-ups are then written), its mails' states are read again.
  const waiting = shortlist.status !== 'SENT' || shortlist.mails.some((m) => m.state === 'PENDING' || m.state === 'SENDING');
  useEffect(() => {
    if (!waiting) return;
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [waiting, refresh]);
  const items = [...shortlist.items].sort((a, b) => a.rank - b.rank);

  return (
    <>
      {shortlist.message && (
        <p>
          Message à l’entreprise : <q>{shortlist.message}</q>
        </p>
      )}
      <section aria-labelledby="courriels">
        <h2 id="courriels">Courriels</h2>
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Destinataire</th>
                <th scope="col">Adresse</th>
                <th scope="col">État</th>
                <th scope="col">Tentatives</th>
                <th scope="col">Dernière erreur</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {shortlist.mails.map((m) => (
                <tr key={m.id}>
                  <td>{m.recipient === 'FIRM' ? 'Entreprise' : m.supplier ? <SupplierLink id={m.supplier.id} name={m.supplier.name} /> : 'Structure'}</td>
                  <td>{m.to}</td>
                  <td>
                    <span className={`badge ${m.state === 'SENT' ? 'ok' : m.state === 'FAILED' ? 'bad' : 'wait'}`}>{MAIL_STATE_FR[m.state]}</span>
                    {m.sentAt && <> le {formatDateTime(m.sentAt)}</>}
                  </td>
                  <td>{m.attempts}</td>
                  <td>{m.lastError ?? '—'}</td>
                  <td>
                    {m.state === 'FAILED' && (
                      <button type="button" className="small" disabled={retry.fetching} onClick={() => void retryMail({ id: m.id }).then(refresh)}>
                        Renvoyer<span className="visually-hidden"> le courriel à {m.to}</span>
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        {retry.error && <p className="notice notice-error" role="alert">{messageOf(retry.error)}</p>}
      </section>
      {shortlist.followUps.length > 0 && (
        <section aria-labelledby="relances">
          <h2 id="relances">Relances</h2>
          <p>Envoyées d’elles-mêmes à ceux qui n’ont pas encore répondu ; une relance devenue inutile (réponse reçue, désinscription) n’est pas envoyée.</p>
          <div className="table-wrap">
            <table>
              <thead>
                <tr>
                  <th scope="col">Courriel</th>
                  <th scope="col">Destinataire</th>
                  <th scope="col">Adresse</th>
                  <th scope="col">État</th>
                </tr>
              </thead>
              <tbody>
                {shortlist.followUps.map((m) => (
                  <tr key={m.id}>
                    <td>{m.kind === 'REMINDER' ? 'Dernier rappel' : 'Relance'}</td>
                    <td>{m.recipient === 'FIRM' ? 'Entreprise' : m.supplier ? <SupplierLink id={m.supplier.id} name={m.supplier.name} /> : 'Structure'}</td>
                    <td>{m.to}</td>
                    <td>
                      {m.state === 'SENT' && m.sentAt ? `Envoyée le ${formatDateTime(m.sentAt)}` : m.state === 'DROPPED' ? 'Pas envoyée (inutile ou désinscription)' : m.nextAttemptAt ? `Prévue le ${formatDateTime(m.nextAttemptAt)}` : MAIL_STATE_FR[m.state]}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </section>
      )}
      <section aria-labelledby="suites">
        <h2 id="suites">Réponses des structures et suites données</h2>
        <ol className="cards">
          {items.map((item) => (
            <OutcomeCard key={item.supplier.id} shortlistId={shortlist.id} item={item} insertion={shortlist.need.kind === 'INSERTION_CLAUSE'} />
          ))}
        </ol>
      </section>
    </>
  );
}

function OutcomeCard({ shortlistId, item, insertion }: { shortlistId: string; item: Item; insertion: boolean }) {
  const sid = item.supplier.id;
  return (
    <li className="card">
      <h3>
        {item.rank}. <SupplierLink id={sid} name={item.supplier.name} />
      </h3>
      <p>
        Réponse de la structure :{' '}
        {item.response ? (
          <>
            <strong>{ANSWER_FR[item.response.answer]}</strong> le {formatDateTime(item.response.answeredAt)}
            {item.response.comment && (
              <>
                {' '}
                — <q>{item.response.comment}</q>
              </>
            )}
          </>
        ) : (
          'pas encore de réponse'
        )}
      </p>
      {!item.response && <AnswerForm shortlistId={shortlistId} supplierId={sid} name={item.supplier.name} />}
      <p>
        Suite enregistrée :{' '}
        {item.outcome ? (
          <strong>
            {OUTCOME_FR[item.outcome.status]}
            {item.outcome.amount != null && ` (${formatEuros(item.outcome.amount)})`}
            {item.outcome.insertionHours != null && `, ${item.outcome.insertionHours} heures d’insertion`}
          </strong>
        ) : (
          'aucune'
        )}
      </p>
      <OutcomeForm shortlistId={shortlistId} supplierId={sid} name={item.supplier.name} insertion={insertion} outcome={item.outcome ?? null} />
    </li>
  );
}

/** The answer a structure gave by phone, recorded for it (its mail's links do the same). */
function AnswerForm({ shortlistId, supplierId, name }: { shortlistId: string; supplierId: string; name: string }) {
  const [answer, setAnswer] = useState<string>('');
  const [comment, setComment] = useState('');
  const [result, record] = useMutation(RecordAnswer);
  const field = (f: string) => `${f}-reponse-${supplierId}`;
  const [local, setLocal] = useState<FieldErrors>({});
  const shown: FieldErrors = Object.fromEntries(Object.entries({ ...errorsOf(result.error), ...local }).map(([k, v]) => [k ? field(k) : '', v]));

  async function submit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    const form = e.currentTarget;
    setLocal(answer ? {} : { answer: '« answer » : choisissez la réponse que la structure a donnée.' });
    if (!answer) return focusErrorSummary(form);
    const res = await record({ shortlistId, supplierId, answer: answer as SupplierAnswer, comment: comment || null });
    if (!res.data) focusErrorSummary(form);
  }

  return (
    <form className="form" onSubmit={submit} noValidate aria-label={`Réponse ${ofName(name)} reçue par téléphone`}>
      <ErrorSummary errors={shown} fields={[field('answer'), field('comment')]} />
      <SelectField name={field('answer')} label="Réponse reçue par téléphone" value={answer} onChange={setAnswer} options={ANSWER_OPTIONS} emptyLabel="— Choisir —" errors={shown} />
      <TextField name={field('comment')} label="Ce qu’a dit la structure" value={comment} onChange={setComment} errors={shown} />
      <div className="actions">
        <button type="submit" className="secondary" disabled={result.fetching}>
          Enregistrer la réponse<span className="visually-hidden"> {ofName(name)}</span>
        </button>
      </div>
    </form>
  );
}
