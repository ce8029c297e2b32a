// « Pris en charge par » : who deals with a need, and the buttons to take it or let it go (the API
// decides: an officer takes a free need or releases his own; an admin may take any).
import { useEffect, useId, useRef, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { messageOf } from '../errors';
import { formatDate } from '../format';
import { graphql } from '../gql';
import { useSession } from '../session';

const Take = graphql(`
  mutation TakeNeed($needId: ID!) {
    assignNeed(needId: $needId) {
      id
      assignment {
        at
        officer {
          id
          email
        }
      }
    }
  }
`);

const Officers = graphql(`
  query AssignableOfficers {
    officers {
      id
      email
    }
  }
`);

const HandOver = graphql(`
  mutation HandOverNeed($needId: ID!, $officerId: ID!) {
    assignNeed(needId: $needId, officerId: $officerId) {
      id
      assignment {
        at
        officer {
          id
          email
        }
      }
    }
  }
`);

const Release = graphql(`
  mutation ReleaseNeed($needId: ID!) {
    releaseNeed(needId: $needId) {
      id
      assignment {
        at
      }
    }
  }
`);

export interface NeedAssignmentView {
  at: string;
  officer: { email: string };
}

/**
 * The officer in charge (or nobody) and the one button that fits; `title` names the need for screen readers.
 * An admin taking a need a colleague holds says so and confirms first (an inline step, no dialog): one
 * click must not silently take work from someone. Focus follows: to the question, back to the button
 * on « Annuler », to who is in charge once it changed (the button pressed is gone).
 */
export function NeedAssignment({ needId, title, assignment }: { needId: string; title: string; assignment: NeedAssignmentView | null | undefined }) {
  const { session } = useSession();
  const [taken, take] = useMutation(Take);
  const [released, release] = useMutation(Release);
  const [confirming, setConfirming] = useState(false);
  const questionId = useId();
  const question = useRef<HTMLSpanElement>(null);
  const askButton = useRef<HTMLButtonElement>(null);
  const status = useRef<HTMLSpanElement>(null);
  const focusNext = useRef<'question' | 'ask' | null>(null);
  useEffect(() => {
    const target = focusNext.current === 'question' ? question : askButton;
    if (focusNext.current && target.current) target.current.focus();
    focusNext.current = null;
  }, [confirming]);
  const mine = assignment?.officer.email === session?.email;
  const error = taken.error ?? released.error;
  const change = async (done: Promise<{ data?: unknown }>) => {
    if (!(await done).data) return;
    setConfirming(false);
    status.current?.focus(); // always shown, unlike the button pressed
  };
  const named = <span className="visually-hidden"> : « {title} »</span>;
  return (
    <div className="need-assignment">
      <span className="assigned-to" ref={status} tabIndex={-1}>
        {assignment ? `Pris en charge par ${mine ? 'vous' : assignment.officer.email} depuis le ${formatDate(assignment.at)}` : 'Personne ne s’en occupe'}
      </span>{' '}
      {mine ? (
        <button type="button" className="secondary" disabled={released.fetching} onClick={() => change(release({ needId }))}>
          Je ne m’en occupe plus{named}
        </button>
      ) : !assignment ? (
        <button type="button" className="secondary" disabled={taken.fetching} onClick={() => change(take({ needId }))}>
          Je m’en occupe{named}
        </button>
      ) : (
        session?.role === 'ADMIN' &&
        (confirming ? (
          <span className="take-over-confirm" role="group" aria-labelledby={questionId}>
            <span id={questionId} ref={question} tabIndex={-1}>
              Reprendre ce besoin à {assignment.officer.email} ? Il ne s’en occupera plus.
            </span>{' '}
            <button type="button" disabled={taken.fetching} onClick={() => change(take({ needId }))}>
              Oui, le reprendre{named}
            </button>{' '}
            <button
              type="button"
              className="secondary"
              onClick={() => {
                focusNext.current = 'ask';
                setConfirming(false);
              }}
            >
              Annuler
            </button>
          </span>
        ) : (
          <button
            type="button"
            className="secondary"
            ref={askButton}
            onClick={() => {
              focusNext.current = 'question';
              setConfirming(true);
            }}
          >
            Reprendre ce besoin à {assignment.officer.email}
            {named}
          </button>
        ))
      )}
      {error && (
        <span className="error-message" role="alert">
          {messageOf(error)}
        </span>
      )}
    </div>
  );
}

/** Admins: hand the need to an officer of their choice (the need's page). */
export function HandOverNeed({ needId }: { needId: string }) {
  const { session } = useSession();
  const [{ data }] = useQuery({ query: Officers, pause: session?.role !== 'ADMIN' });
  const [officerId, setOfficerId] = useState('');
  const [handed, handOver] = useMutation(HandOver);
  if (session?.role !== 'ADMIN' || !data) return null;
  return (
    <form
      className="actions hand-over"
      onSubmit={(e) => {
        e.preventDefault();
        if (officerId) handOver({ needId, officerId });
      }}
    >
      <label htmlFor="confier-a">Confier ce besoin à</label>
      <select id="confier-a" value={officerId} onChange={(e) => setOfficerId(e.target.value)}>
        <option value="">Choisir un agent</option>
        {data.officers.map((o) => (
          <option key={o.id} value={o.id}>
            {o.email}
          </option>
        ))}
      </select>
      <button type="submit" className="secondary" disabled={!officerId || handed.fetching}>
        Confier
      </button>
      {handed.error && (
        <span className="error-message" role="alert">
          {messageOf(handed.error)}
        </span>
      )}
    </form>
  );
}
