// Approved and sent lists, newest first, with their mail states; failed mails listed on their own.
import { useQuery } from 'urql';
import { Link } from 'wouter';
import { Page, QueryState } from '../components/layout';
import { useCursorPages } from '../components/pager';
import { formatDateTime } from '../format';
import { graphql } from '../gql';
import type { MailState } from '../gql/graphql';
import { MAIL_STATE_FR, SHORTLIST_STATUS_FR } from '../labels';

const IntroductionsQuery = graphql(`
  query Introductions($first: Int, $after: String) {
    introductions(first: $first, after: $after) {
      totalCount
      pageInfo {
        hasNextPage
        endCursor
      }
      edges {
        node {
          id
          status
          approvedAt
          sentAt
          need {
            id
            title
            companyName
          }
          items {
            rank
            outcome {
              status
            }
            response {
              answer
            }
          }
          mails {
            id
            state
          }
        }
      }
    }
    failedMails(first: 20) {
      id
      to
      lastError
      shortlist {
        id
      }
      need {
        id
        title
      }
    }
  }
`);

function countStates(mails: { state: MailState }[]): string {
  const counts = new Map<MailState, number>();
  for (const m of mails) counts.set(m.state, (counts.get(m.state) ?? 0) + 1);
  return [...counts].map(([state, n]) => `${n} ${MAIL_STATE_FR[state].toLowerCase()}`).join(', ');
}

export function Introductions() {
  const pages = useCursorPages('nombre-mises-en-relation');
  const [{ data, fetching, error }] = useQuery({ query: IntroductionsQuery, variables: { first: 20, after: pages.after } });
  const connection = data?.introductions;
  return (
    <Page title="Mises en relation">
      <QueryState fetching={fetching && !data} error={error} />
      {data && data.failedMails.length > 0 && (
        <section aria-labelledby="echecs" className="notice notice-error">
          <h2 id="echecs">Courriels en échec ({data.failedMails.length})</h2>
          <ul>
            {data.failedMails.map((m) => (
              <li key={m.id}>
                <Link href={m.shortlist ? `/listes/${m.shortlist.id}` : `/besoins/${m.need?.id}`}>{m.need?.title ?? 'Besoin supprimé'}</Link> — {m.to} : {m.lastError ?? 'erreur inconnue'}
              </li>
            ))}
          </ul>
        </section>
      )}
      {connection && (
        <>
          <p role="status" id="nombre-mises-en-relation" tabIndex={-1}>
            {connection.totalCount} liste{connection.totalCount > 1 ? 's' : ''} approuvée{connection.totalCount > 1 ? 's' : ''}.
          </p>
          {connection.edges.length > 0 && (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Besoin</th>
                    <th scope="col">Entreprise</th>
                    <th scope="col">État</th>
                    <th scope="col">Approuvée le</th>
                    <th scope="col">Courriels</th>
                    <th scope="col">Réponses</th>
                    <th scope="col">Suites</th>
                  </tr>
                </thead>
                <tbody>
                  {connection.edges.map(({ node }) => (
                    <tr key={node.id}>
                      <td>
                        <Link href={`/listes/${node.id}`}>{node.need.title}</Link>
                      </td>
                      <td>{node.need.companyName ?? '—'}</td>
                      <td>{SHORTLIST_STATUS_FR[node.status]}</td>
                      <td>{formatDateTime(node.approvedAt)}</td>
                      <td>{countStates(node.mails)}</td>
                      <td>
                        {node.items.filter((i) => i.response).length} / {node.items.length}
                      </td>
                      <td>
                        {node.items.filter((i) => i.outcome).length} / {node.items.length}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {pages.pager(connection.pageInfo)}
        </>
      )}
    </Page>
  );
}
