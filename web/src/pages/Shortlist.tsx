// A shortlist: curated while a draft (components/curate.tsx), then followed once approved
// (components/followup.tsx: mails, answers, outcomes).
import { useQuery } from 'urql';
import { Link, useParams } from 'wouter';
import { Page, QueryState } from '../components/layout';
import { Curate } from '../components/curate';
import { FollowUp } from '../components/followup';
import { formatDateTime } from '../format';
import { graphql } from '../gql';
import { SHORTLIST_STATUS_FR } from '../labels';

export const ShortlistQuery = graphql(`
  query Shortlist($id: ID!) {
    shortlist(id: $id) {
      id
      status
      message
      notice
      groupement
      createdAt
      approvedAt
      sentAt
      need {
        id
        title
        kind
        companyName
        contactEmail
      }
      items {
        rank
        note
        reasons
        score
        proposedByMatcher
        alreadyIntroducedAt
        override {
          constraint
          reason
        }
        supplier {
          id
          name
          commune {
            name
          }
        }
        response {
          answer
          comment
          answeredAt
        }
        outcome {
          status
          amount
          insertionHours
          updatedAt
        }
      }
      mails {
        id
        recipient
        to
        state
        attempts
        lastError
        sentAt
        nextAttemptAt
        supplier {
          id
          name
        }
      }
      followUps: mails(kinds: [FOLLOW_UP, REMINDER]) {
        id
        kind
        recipient
        to
        state
        sentAt
        nextAttemptAt
        supplier {
          id
          name
        }
      }
    }
  }
`);

export function ShortlistPage() {
  const { id } = useParams<{ id: string }>();
  const [{ data, fetching, error }, refetch] = useQuery({ query: ShortlistQuery, variables: { id } });
  const shortlist = data?.shortlist;
  const title = shortlist ? `${shortlist.status === 'DRAFT' ? 'Préparer la liste' : 'Mise en relation'} : ${shortlist.need.title}` : 'Liste de structures';
  return (
    <Page title={title}>
      <QueryState fetching={fetching && !data} error={error} />
      {data && !shortlist && <p>Cette liste n’existe pas.</p>}
      {shortlist && (
        <>
          <p>
            Besoin : <Link href={`/besoins/${shortlist.need.id}`}>{shortlist.need.title}</Link> — {shortlist.need.companyName ?? 'entreprise'} ({shortlist.need.contactEmail}). État :{' '}
            <strong>{SHORTLIST_STATUS_FR[shortlist.status]}</strong>
            {shortlist.approvedAt && `, approuvée le ${formatDateTime(shortlist.approvedAt)}`}
            {shortlist.sentAt && `, envoyée le ${formatDateTime(shortlist.sentAt)}`}.
          </p>
          {shortlist.status === 'DRAFT' ? <Curate shortlist={shortlist} /> : <FollowUp shortlist={shortlist} refresh={() => refetch({ requestPolicy: 'network-only' })} />}
        </>
      )}
    </Page>
  );
}
