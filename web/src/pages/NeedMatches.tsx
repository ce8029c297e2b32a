// A need and its ranked structures; eligible ones first, the others set apart with their reason.
import { useMutation, useQuery } from 'urql';
import { Link, useLocation, useParams } from 'wouter';
import { INCLUSION_KIND_FR, NEED_KIND_FR } from '../../../api/reference/vocabulary';
import { Page, QueryState } from '../components/layout';
import { Groupements } from '../components/groupements';
import { MatchCard } from '../components/match';
import { NeedActions } from '../components/need-actions';
import { InternalNote } from '../components/internal-note';
import { HandOverNeed, NeedAssignment } from '../components/need-assignment';
import { NafCodeList } from '../components/pickers';
import { messageOf } from '../errors';
import { budgetFr, formatDate } from '../format';
import { graphql } from '../gql';
import type { NeedWithMatchesQuery } from '../gql/graphql';
import { SHORTLIST_STATUS_FR } from '../labels';

const NeedWithMatches = graphql(`
  query NeedWithMatches($id: ID!) {
    need(id: $id) {
      id
      title
      description
      kind
      companyName
      buyerOrganisationId
      contactEmail
      commune {
        code
        name
      }
      budgetMin
      budgetMax
      deadline
      nafCodes
      requiredLabels
      preferredInclusionKinds
      requiredInclusionKinds
      createdAt
      recordedBy
      internalNote
      matchNotice
      status
      addressedTo {
        id
        name
      }
      assignment {
        at
        officer {
          id
          email
        }
      }
      shortlists {
        id
        status
        createdAt
      }
    }
    matchSuppliers(needId: $id, limit: 20) {
      score
      eligible
      relevant
      reasons
      breakdown {
        text
        sector
        capacity
        location
        labels
      }
      supplier {
        id
        name
      }
    }
  }
`);

const Draft = graphql(`
  mutation DraftShortlist($needId: ID!) {
    draftShortlist(needId: $needId, size: 5) {
      id
    }
  }
`);

type Match = NeedWithMatchesQuery['matchSuppliers'][number];

/** Structures shown apart from the proposals, with why (another trade, a hard requirement failed). */
function SetApart({ id, title, intro, matches }: { id: string; title: string; intro: string; matches: Match[] }) {
  if (matches.length === 0) return null;
  return (
    <section aria-labelledby={id}>
      <h2 id={id}>
        {title} ({matches.length})
      </h2>
      <p>{intro}</p>
      <ul className="cards">
        {matches.map((m) => (
          <MatchCard key={m.supplier.id} id={m.supplier.id} name={m.supplier.name} score={m.score} breakdown={m.breakdown} reasons={m.reasons} eligible={m.eligible} />
        ))}
      </ul>
    </section>
  );
}

export function NeedMatches() {
  const { id } = useParams<{ id: string }>();
  const [, navigate] = useLocation();
  const [{ data, fetching, error }] = useQuery({ query: NeedWithMatches, variables: { id } });
  const [draft, draftShortlist] = useMutation(Draft);
  const need = data?.need;
  const matches = data?.matchSuppliers ?? [];
  const eligible = matches.filter((m) => m.eligible && m.relevant);
  const ineligible = matches.filter((m) => !m.eligible);
  const otherTrades = matches.filter((m) => m.eligible && !m.relevant);
  const openDraft = need?.shortlists.find((s) => s.status === 'DRAFT');

  async function prepare() {
    const res = await draftShortlist({ needId: id });
    if (res.data) navigate(`/listes/${res.data.draftShortlist.id}`);
  }

  return (
    <Page title={need ? `Besoin : ${need.title}` : 'Besoin'}>
      <QueryState fetching={fetching && !data} error={error} />
      {data && !need && <p>Ce besoin n’existe pas.</p>}
      {need && (
        <>
          <section aria-labelledby="besoin-detail">
            <h2 id="besoin-detail">Le besoin</h2>
            <NeedAssignment needId={need.id} title={need.title} assignment={need.assignment} />
            <HandOverNeed needId={need.id} />
            {need.addressedTo && (
              <p className="notice">
                L’entreprise s’adresse à <Link href={`/structures/${need.addressedTo.id}`}>{need.addressedTo.name}</Link>, depuis sa page publique : présentez-la si elle peut répondre.
              </p>
            )}
            <dl className="profile">
              <dt>Entreprise</dt>
              <dd>
                {need.companyName ?? '—'}
                {need.buyerOrganisationId && (
                  <>
                    {' '}
                    (<Link href={`/organisations/${need.buyerOrganisationId}/achats`}>ses achats auprès de l’ESS</Link>)
                  </>
                )}
              </dd>
              <dt>Contact</dt>
              <dd>{need.contactEmail}</dd>
              <dt>Type</dt>
              <dd>{NEED_KIND_FR[need.kind]}</dd>
              <dt>Commune</dt>
              <dd>
                {need.commune.name} ({need.commune.code})
              </dd>
              <dt>Budget</dt>
              <dd>{budgetFr(need.budgetMin, need.budgetMax)}</dd>
              <dt>Échéance</dt>
              <dd>{formatDate(need.deadline)}</dd>
              <dt>Secteurs (NAF)</dt>
              <dd><NafCodeList codes={need.nafCodes} /></dd>
              <dt>Labels exigés</dt>
              <dd>{need.requiredLabels.join(', ') || '—'}</dd>
              <dt>Inclusion souhaitée</dt>
              <dd>{need.preferredInclusionKinds.map((k) => INCLUSION_KIND_FR[k]).join(', ') || '—'}</dd>
              <dt>Inclusion exigée</dt>
              <dd>{need.requiredInclusionKinds.map((k) => INCLUSION_KIND_FR[k]).join(', ') || '—'}</dd>
              <dt>Enregistré le</dt>
              <dd>
                {formatDate(need.createdAt)}
                {need.recordedBy ? ` par ${need.recordedBy}` : ''}
              </dd>
            </dl>
            <p className="description">{need.description}</p>
            <InternalNote needId={need.id} note={need.internalNote ?? null} />
          </section>

          <NeedActions needId={need.id} status={need.status} />

          <section aria-labelledby="listes">
            <h2 id="listes">Listes de structures</h2>
            {need.shortlists.length > 0 && (
              <ul>
                {need.shortlists.map((s) => (
                  <li key={s.id}>
                    <Link href={`/listes/${s.id}`}>
                      Liste du {formatDate(s.createdAt)} — {SHORTLIST_STATUS_FR[s.status]}
                    </Link>
                  </li>
                ))}
              </ul>
            )}
            {openDraft ? (
              <Link className="button" href={`/listes/${openDraft.id}`}>
                Reprendre le brouillon
              </Link>
            ) : (
              <button type="button" onClick={prepare} disabled={draft.fetching}>
                Préparer une liste (brouillon des 5 meilleures)
              </button>
            )}
            {draft.error && (
              <p className="notice notice-error" role="alert">
                {messageOf(draft.error)}
              </p>
            )}
          </section>

          <Groupements needId={id} canDraft={!openDraft} />

          <section aria-labelledby="eligibles">
            <h2 id="eligibles">Structures proposées ({eligible.length})</h2>
            {need.matchNotice && (
              <p className="notice" role="status">
                {need.matchNotice}
              </p>
            )}
            {eligible.length === 0 && <p>Aucune structure éligible du métier de ce besoin.</p>}
            <ol className="cards">
              {eligible.map((m) => (
                <MatchCard key={m.supplier.id} id={m.supplier.id} name={m.supplier.name} score={m.score} breakdown={m.breakdown} reasons={m.reasons} eligible />
              ))}
            </ol>
          </section>
          <SetApart id="autres-metiers" title="Structures d’autres métiers" intro="Leur activité est éloignée de celle du besoin : elles ne sont jamais proposées d’office dans une liste." matches={otherTrades} />
          <SetApart id="ineligibles" title="Structures non éligibles" intro="Elles ne remplissent pas une exigence du besoin ; la raison est donnée pour chacune." matches={ineligible} />
        </>
      )}
    </Page>
  );
}
