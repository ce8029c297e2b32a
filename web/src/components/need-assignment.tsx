// « Pris en charge par » : who deals with a need, and the buttons to take it or let it go (the API
// decides: an officer takes a free need or releases his own; an admin may take any).
import { useMutation } from 'urql';
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
