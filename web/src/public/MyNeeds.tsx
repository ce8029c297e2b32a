// A firm's space (/mes-besoins): « où en est ma demande ? » answered without calling the Métropole.
// Each of its needs with its status and dates, what happens next and when, its correction or
// withdrawal before any structure is presented, the structures introduced with their answers, and
// what came of each introduction. The API decides every rule; the page only hides what it would refuse.
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { structureKindFr } from '../../../api/reference/vocabulary';
import { OutcomeForm } from '../components/outcome-form';
import { QueryState } from '../components/layout';
import { PublicPage } from '../components/public-page';
import { budgetFr, formatDate } from '../format';
import { graphql } from '../gql';
import type { MyNeedsQuery, NeedStatus } from '../gql/graphql';
import { useSession } from '../session';
import { NeedChanges } from '../components/need-changes';
import { messageOf } from '../errors';

const MyNeedsDocument = graphql(`
  query MyNeeds {
    needs(first: 100) {
      totalCount
      edges {
        node {
          id
          title
          description
          kind
          status
          createdAt
          confirmedAt
          introducedAt
          withdrawnAt
          withdrawalReason
          closedAt
          nextStep
          changeable
          budgetMin
          budgetMax
          deadline
          commune {
            name
          }
          shortlists {
            id
            approvedAt
            items {
              rank
              supplier {
                id
                name
                slug
                legalForm
                inclusionKind
                description
                contactEmail
                commune {
                  name
                }
              }
              answer
              answeredAt
              outcome {
                status
                amount
                insertionHours
              }
            }
          }
        }
      }
    }
  }
`);

type Need = MyNeedsQuery['needs']['edges'][number]['node'];
type Item = Need['shortlists'][number]['items'][number];

/** The status as the firm reads it (the console's words are the officers'). */
const STATUS_FOR_FIRM: Record<NeedStatus, string> = {
  AWAITING_CONFIRMATION: 'en attente de confirmation',
  OPEN: 'confirmé, en attente d’une liste de structures',
  INTRODUCED: 'structures présentées',
  WITHDRAWN: 'retiré',
  CLOSED: 'clos par la Métropole',
};

const ANSWER_FOR_FIRM: Record<string, string> = { INTERESTED: 'intéressée', NOT_AVAILABLE: 'pas disponible' };

export function MyNeeds() {
  const { session } = useSession();
  const firm = session?.role === 'COMPANY';
  const [{ data, fetching, error }] = useQuery({ query: MyNeedsDocument, pause: !firm, requestPolicy: 'cache-and-network' });
  if (!firm) {
    return (
      <PublicPage title="Mes besoins">
        <p>
          Cette page montre où en sont les besoins de votre entreprise. <Link href="/connexion">Recevez un lien de connexion</Link> à l’adresse donnée avec votre besoin.
        </p>
      </PublicPage>
    );
  }
  const needs = data?.needs.edges.map((e) => e.node) ?? [];
  return (
    <PublicPage title="Mes besoins">
      <p>Vos besoins déposés sur Passerelle ESS : où ils en sont, ce qui se passe ensuite et quand, et les structures de l’ESS qui vous ont été présentées.</p>
      {needs.length > 0 && (
        <p>
          <Link href="/">Déposer un nouveau besoin</Link>
        </p>
      )}
      {!data && <QueryState fetching={fetching} error={error} />}
      {data && needs.length === 0 && (
        <p>
          Aucun besoin n’est enregistré à votre adresse. <Link href="/">Déposer un besoin</Link>
        </p>
      )}
      {needs.map((n) => (
        <NeedSection key={n.id} need={n} />
      ))}
    </PublicPage>
  );
}

function NeedSection({ need }: { need: Need }) {
  const heading = `besoin-${need.id}`;
  const dates: [string, string | null | undefined][] = [
    ['Déposé le', need.createdAt],
    ['Confirmé le', need.confirmedAt],
    ['Structures présentées le', need.introducedAt],
    ['Retiré le', need.withdrawnAt],
    ['Clos le', need.closedAt],
  ];
  const items = need.shortlists.flatMap((s) => s.items.map((item) => ({ shortlistId: s.id, item })));
  return (
    <section className="card my-need" aria-labelledby={heading}>
      <h2 id={heading} tabIndex={-1}>
        {need.title}
      </h2>
      <p className="need-status">
        <strong>Statut :</strong> {STATUS_FOR_FIRM[need.status]}
      </p>
      <dl className="need-dates">
        {dates
          .filter(([, at]) => at)
          .map(([label, at]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{formatDate(at)}</dd>
            </div>
          ))}
      </dl>
      <p className="next-step">
        <strong>Et ensuite ?</strong> {need.nextStep}
      </p>
      {need.withdrawalReason && <p>Motif du retrait : {need.withdrawalReason}</p>}
      <p className="meta">
        {need.commune.name} · budget {budgetFr(need.budgetMin ?? null, need.budgetMax ?? null)}
        {need.deadline && <> · échéance le {formatDate(need.deadline)}</>}
      </p>
      {need.status === 'AWAITING_CONFIRMATION' && <ConfirmNeed id={need.id} title={need.title} />}
      {need.changeable && <NeedChanges need={need} />}
      {items.length > 0 && (
        <>
          <h3>Les structures présentées</h3>
          <ol className="cards">
            {items.map(({ shortlistId, item }) => (
              <IntroducedStructure key={`${shortlistId}-${item.supplier.id}`} shortlistId={shortlistId} item={item} insertion={need.kind === 'INSERTION_CLAUSE'} />
            ))}
          </ol>
        </>
      )}
    </section>
  );
}

function IntroducedStructure({ shortlistId, item, insertion }: { shortlistId: string; item: Item; insertion: boolean }) {
  const s = item.supplier;
  return (
    <li className="card">
      <h4>{s.slug ? <Link href={`/structures/${s.slug}`}>{s.name}</Link> : s.name}</h4>
      <p className="meta">
        {structureKindFr(s)} — {s.commune.name}
      </p>
      <p className="description">{s.description}</p>
      {s.contactEmail && (
        <p>
          Contact : <a href={`mailto:${s.contactEmail}`}>{s.contactEmail}</a>
        </p>
      )}
      <p className="answer">
        Sa réponse : {item.answer ? <strong>{ANSWER_FOR_FIRM[item.answer]}</strong> : 'pas encore de réponse'}
        {item.answer && item.answeredAt && <> (le {formatDate(item.answeredAt)})</>}
      </p>
      <OutcomeForm shortlistId={shortlistId} supplierId={s.id} name={s.name} insertion={insertion} outcome={item.outcome ?? null} />
    </li>
  );
}

const ConfirmMyNeed = graphql(`
  mutation ConfirmMyNeed($id: ID!) {
    confirmMyNeed(id: $id) {
      id
      status
      confirmedAt
      nextStep
    }
  }
`);

/** Signed in by a link to the need's address, the firm has proved it: it confirms here as its mailed link would. */
function ConfirmNeed({ id, title }: { id: string; title: string }) {
  const [result, confirm] = useMutation(ConfirmMyNeed);
  return (
    <div className="actions">
      <button type="button" disabled={result.fetching} onClick={() => void confirm({ id }).then(() => document.getElementById(`besoin-${id}`)?.focus())}>
        Confirmer ce besoin<span className="visually-hidden"> « {title} »</span>
      </button>
      {result.error && <p className="notice notice-error" role="alert">{messageOf(result.error)}</p>}
    </div>
  );
}
