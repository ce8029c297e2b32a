// « Pris en charge par » : who deals with a need, and the buttons to take it or let it go (the API
// decides: an officer takes a free need or releases his own; an admin may take any).
import { useState } from 'react';
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

/** The officer in charge (or nobody) and the one button that fits; `title` names the need for screen readers. */
export function NeedAssignment({ needId, title, assignment }: { needId: string; title: string; assignment: NeedAssignmentView | null | undefined }) {
  const { session } = useSession();
  const [taken, take] = useMutation(Take);
  const [released, release] = useMutation(Release);
  const mine = assignment?.officer.email === session?.email;
  const error = taken.error ?? released.error;
  return (
    <div className="need-assignment">
      <span className="assigned-to">{assignment ? `Pris en charge par ${mine ? 'vous' : assignment.officer.email} depuis le ${formatDate(assignment.at)}` : 'Personne ne s’en occupe'}</span>{' '}
      {mine ? (
        <button type="button" className="secondary" disabled={released.fetching} onClick={() => release({ needId })}>
          Je ne m’en occupe plus<span className="visually-hidden"> : « {title} »</span>
        </button>
      ) : (
        (!assignment || session?.role === 'ADMIN') && (
          <button type="button" className="secondary" disabled={taken.fetching} onClick={() => take({ needId })}>
            Je m’en occupe<span className="visually-hidden"> : « {title} »</span>
          </button>
        )
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
