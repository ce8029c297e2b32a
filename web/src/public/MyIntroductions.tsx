// A structure's introductions: what each firm asked, when, and the structure's answer, which it may
// change here as with the link of its mail (the API applies the link's rules).
import { useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { ErrorSummary, focusErrorSummary, TextArea } from '../components/fields';
import { QueryState } from '../components/layout';
import { StructureSpacePage } from '../components/structure-space';
import { errorsOf } from '../errors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import type { MyIntroductionsQuery, SupplierAnswer } from '../gql/graphql';
import { useSession } from '../session';

const Received = graphql(`
  query MyIntroductions {
    myIntroductions {
      shortlistId
      needTitle
      needDescription
      firmName
      place
      budget
      deadline
      introducedAt
      response {
        answer
        comment
        answeredAt
      }
    }
  }
`);

const Answer = graphql(`
  mutation AnswerIntroduction($shortlistId: ID!, $answer: SupplierAnswer!, $comment: String) {
    answerIntroduction(shortlistId: $shortlistId, answer: $answer, comment: $comment) {
      shortlistId
      response {
        answer
        comment
        answeredAt
      }
    }
  }
`);

const ANSWER_FR: Record<SupplierAnswer, string> = { INTERESTED: 'Nous sommes intéressés', NOT_AVAILABLE: 'Pas disponible' };

type Introduction = MyIntroductionsQuery['myIntroductions'][number];

export function MyIntroductions() {
  const { session } = useSession();
  const [{ data, fetching, error }] = useQuery({ query: Received, pause: !session, requestPolicy: 'network-only' });
  return (
    <StructureSpacePage title="Mises en relation reçues">
      <QueryState fetching={fetching && !data} error={error} />
      {data && data.myIntroductions.length === 0 && <p>Aucune entreprise ne vous a encore été présentée. Les mises en relation arrivent aussi par courriel, à l’adresse de contact de votre fiche.</p>}
      {data?.myIntroductions.map((i) => <ReceivedIntroduction key={i.shortlistId} intro={i} />)}
    </StructureSpacePage>
  );
}

function ReceivedIntroduction({ intro }: { intro: Introduction }) {
  const [response, setResponse] = useState(intro.response);
  const [answer, setAnswer] = useState<SupplierAnswer | ''>(intro.response?.answer ?? '');
  const [comment, setComment] = useState(intro.response?.comment ?? '');
  const [saved, setSaved] = useState(false);
  const [sent, send] = useMutation(Answer);
  const field = `commentaire-${intro.shortlistId}`;
  const apiErrors = errorsOf(sent.error);
  const errors = Object.fromEntries(Object.entries(apiErrors).map(([k, m]) => [k === 'comment' ? field : k === 'answer' ? `reponse-${intro.shortlistId}` : k, m]));
  const heading = `mer-${intro.shortlistId}`;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(false);
    if (!answer) return;
    const res = await send({ shortlistId: intro.shortlistId, answer, comment: comment.trim() || null });
    if (res.data) {
      setResponse(res.data.answerIntroduction.response);
      setSaved(true);
    } else {
      focusErrorSummary(document.getElementById(`${heading}-form`));
    }
  }

  return (
    <article className="received" aria-labelledby={heading}>
      <h2 id={heading}>{intro.needTitle}</h2>
      <dl>
        <dt>Entreprise</dt>
        <dd>{intro.firmName}</dd>
        <dt>Présentée le</dt>
        <dd>{formatDate(intro.introducedAt)}</dd>
        <dt>Lieu</dt>
        <dd>{intro.place}</dd>
        {intro.budget && (
          <>
            <dt>Budget</dt>
            <dd>{intro.budget}</dd>
          </>
        )}
        {intro.deadline && (
          <>
            <dt>Échéance</dt>
            <dd>{formatDate(intro.deadline)}</dd>
          </>
        )}
      </dl>
      <h3>Ce que demande l’entreprise</h3>
      <p className="need-description">{intro.needDescription}</p>
      <h3>Votre réponse</h3>
      <p className="current-answer" role={saved ? 'status' : undefined}>
        {response ? `${saved ? 'Réponse enregistrée : ' : ''}« ${ANSWER_FR[response.answer]} », le ${formatDate(response.answeredAt)}${response.comment ? ` (« ${response.comment} »)` : ''}.` : 'Vous n’avez pas encore répondu.'}
      </p>
      <form id={`${heading}-form`} onSubmit={submit} noValidate aria-label={`Réponse pour « ${intro.needTitle} »`}>
        <ErrorSummary errors={errors} fields={[`reponse-${intro.shortlistId}`, field]} />
        <fieldset id={`champ-reponse-${intro.shortlistId}`}>
          <legend>{response ? 'Changer votre réponse' : 'Répondre'}</legend>
          {(['INTERESTED', 'NOT_AVAILABLE'] as const).map((a) => (
            <label key={a} className="radio">
              <input type="radio" name={`reponse-${intro.shortlistId}`} value={a} checked={answer === a} onChange={() => setAnswer(a)} required /> {ANSWER_FR[a]}
            </label>
          ))}
        </fieldset>
        <TextArea name={field} label="Commentaire" hint="Lu par l’équipe de la Métropole. 1 000 caractères au plus." rows={3} value={comment} onChange={setComment} errors={errors} />
        <div className="actions">
          <button type="submit" disabled={!answer || sent.fetching}>
            Enregistrer ma réponse
          </button>
        </div>
      </form>
    </article>
  );
}
