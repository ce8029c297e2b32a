// The public home: the directory search (text, facets, cards, pages) and "Déposer un besoin" without an account.
import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { DirectoryCard } from '../components/directory-card';
import { ErrorSummary, SelectField, TextArea, TextField } from '../components/fields';
import { QueryState } from '../components/layout';
import { Pager } from '../components/pager';
import { CommuneField } from '../components/pickers';
import { InclusivePotentialNotice } from '../components/potential';
import { PublicPage } from '../components/public-page';
import { errorsOf, type FieldErrors } from '../errors';
import type { InclusionKind, LegalForm, NeedKind } from '../gql/graphql';
import { optionalInt } from '../inputs';
import { NEED_KIND_OPTIONS } from '../labels';

// Plain documents (not graphql()): the public pages keep out of the console's generated file.
const DIRECTORY = `
  query PublicDirectory($filter: SupplierFilter, $first: Int, $after: String) {
    suppliers(filter: $filter, first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      facets {
        inclusionKinds { value label count }
        legalForms { value label count }
        communes { value label count }
      }
      edges {
        node { id name legalForm inclusionKind description services labels interventionRadiusKm website commune { name } completeness { percent } }
      }
    }
  }
`;

interface Facet {
  value: string;
  label: string;
  count: number;
}
interface DirectoryData {
  suppliers: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { inclusionKinds: Facet[]; legalForms: Facet[]; communes: Facet[] };
    edges: { node: { id: string; name: string; legalForm: LegalForm; inclusionKind: InclusionKind | null; description: string; services: string[]; labels: string[]; interventionRadiusKm: number | null; website: string | null; commune: { name: string }; completeness: { percent: number } } }[];
  };
}
interface Filter {
  text?: string;
  inclusionKinds?: InclusionKind[];
  legalForms?: LegalForm[];
  communeCode?: string;
}

const PAGE_SIZE = 10;
const facetOptions = (facets: Facet[] | undefined, chosen: string) => {
  const options = (facets ?? []).map((f) => ({ value: f.value, label: `${f.label} (${f.count})` }));
  // The chosen value stays selectable even when the other filters leave it no structure.
  if (chosen && !options.some((o) => o.value === chosen)) options.unshift({ value: chosen, label: chosen });
  return options;
};

function DirectorySearch() {
  const [text, setText] = useState('');
  const [kind, setKind] = useState('');
  const [legalForm, setLegalForm] = useState('');
  const [commune, setCommune] = useState('');
  const [filter, setFilter] = useState<Filter>({});
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  const [{ data, fetching, error }] = useQuery<DirectoryData>({ query: DIRECTORY, variables: { filter, first: PAGE_SIZE, after: cursors[cursors.length - 1] } });
  const connection = data?.suppliers;
  const errors = errorsOf(error);

  function apply(next: { text?: string; kind?: string; legalForm?: string; commune?: string }) {
    const v = { text, kind, legalForm, commune, ...next };
    setCursors([null]);
    setFilter({
      ...(v.text.trim() ? { text: v.text } : {}), // as typed: a space after the last word says it is complete
      ...(v.kind ? { inclusionKinds: [v.kind as InclusionKind] } : {}),
      ...(v.legalForm ? { legalForms: [v.legalForm as LegalForm] } : {}),
      ...(v.commune ? { communeCode: v.commune } : {}),
    });
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    apply({});
  };

  return (
    <section aria-labelledby="annuaire">
      <h2 id="annuaire">Trouver une structure de l’ESS</h2>
      <form className="search-form" role="search" onSubmit={submit}>
        <TextField name="text" label="Rechercher" hint="Une activité, une prestation ou un nom." value={text} onChange={setText} errors={errors} />
        <SelectField name="inclusionKinds" label="Type d’inclusion" value={kind} onChange={(v) => (setKind(v), apply({ kind: v }))} options={facetOptions(connection?.facets.inclusionKinds, kind)} emptyLabel="Tous" errors={errors} />
        <SelectField name="legalForms" label="Statut" value={legalForm} onChange={(v) => (setLegalForm(v), apply({ legalForm: v }))} options={facetOptions(connection?.facets.legalForms, legalForm)} emptyLabel="Tous" errors={errors} />
        <SelectField name="commune" label="Commune" value={commune} onChange={(v) => (setCommune(v), apply({ commune: v }))} options={facetOptions(connection?.facets.communes, commune)} emptyLabel="Toutes" errors={errors} />
        <button type="submit">Rechercher</button>
      </form>
      <QueryState fetching={fetching && !data} error={error} />
      {connection && (
        <>
          <p role="status">
            {connection.totalCount === 0 ? 'Aucune structure ne correspond.' : `${connection.totalCount} structure${connection.totalCount > 1 ? 's' : ''}.`}
          </p>
          <ul className="cards results">
            {connection.edges.map(({ node }) => (
              <li key={node.id}>
                <DirectoryCard s={{ ...node, communeName: node.commune.name }} />
              </li>
            ))}
          </ul>
          <Pager page={cursors.length} hasNext={connection.pageInfo.hasNextPage} onNext={() => setCursors([...cursors, connection.pageInfo.endCursor ?? null])} onPrevious={() => setCursors(cursors.slice(0, -1))} />
        </>
      )}
    </section>
  );
}

const POST_NEED = `
  mutation PublicPostNeed($input: NeedInput!) {
    postNeed(input: $input) { id confirmedAt }
  }
`;
const NEED_FIELDS = ['companyName', 'contactEmail', 'title', 'description', 'kind', 'communeCode', 'budgetMax', 'deadline'];
const EMPTY_NEED = { companyName: '', contactEmail: '', title: '', description: '', kind: 'PURCHASE', communeCode: '', budgetMax: '', deadline: '', honeypot: '' };

function NeedForm() {
  const [f, setF] = useState(EMPTY_NEED);
  const set = (key: keyof typeof EMPTY_NEED) => (value: string) => setF((prev) => ({ ...prev, [key]: value }));
  const setCommune = useCallback((code: string) => setF((prev) => ({ ...prev, communeCode: code })), []);
  const [posted, post] = useMutation<{ postNeed: { id: string; confirmedAt: string | null } }>(POST_NEED);
  const [local, setLocal] = useState<FieldErrors>({});
  const [done, setDone] = useState<{ email: string; confirmed: boolean } | null>(null);
  const [formKey, setFormKey] = useState(0); // a new form (and commune picker) after each need posted
  const errors = { ...errorsOf(posted.error), ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const numbers: FieldErrors = {};
    const budgetMax = optionalInt(f.budgetMax, 'budgetMax', numbers);
    setLocal(numbers);
    if (Object.keys(numbers).length) return focusSummary();
    const input = {
      companyName: f.companyName,
      contactEmail: f.contactEmail,
      title: f.title,
      description: f.description,
      kind: f.kind as NeedKind,
      communeCode: f.communeCode,
      budgetMax,
      deadline: f.deadline ? new Date(`${f.deadline}T12:00:00Z`).toISOString() : null,
      honeypot: f.honeypot || null,
    };
    const res = await post({ input });
    if (res.data) {
      setDone({ email: f.contactEmail, confirmed: res.data.postNeed.confirmedAt !== null });
      setF(EMPTY_NEED);
      setFormKey((k) => k + 1);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.need-done')?.focus());
    } else focusSummary();
  }

  return (
    <section aria-labelledby="deposer">
      <h2 id="deposer">Déposer un besoin</h2>
      <p>Entreprise du territoire, décrivez votre achat, votre sous-traitance ou votre clause d’insertion : la Métropole vous présente des structures de l’ESS qui peuvent y répondre. Aucun compte n’est nécessaire.</p>
      {done && (
        <div className="notice notice-ok need-done" role="status" tabIndex={-1}>
          {done.confirmed ? (
            <p>Votre besoin a bien été transmis à la Métropole. Vous recevrez par courriel les structures qui vous seront présentées.</p>
          ) : (
            <p>
              Merci ! Consultez votre messagerie : un lien de confirmation vient d’être envoyé à <strong>{done.email}</strong>. Votre besoin sera transmis à la Métropole dès que vous l’aurez confirmé (le lien est valable 7 jours).
            </p>
          )}
        </div>
      )}
      <form key={formKey} className="form" onSubmit={submit} noValidate aria-label="Déposer un besoin">
        <ErrorSummary errors={errors} fields={NEED_FIELDS} />
        <TextField name="companyName" label="Nom de votre entreprise" required autoComplete="organization" value={f.companyName} onChange={set('companyName')} errors={errors} />
        <TextField name="contactEmail" label="Votre adresse électronique" required type="email" autoComplete="email" hint="Pour confirmer le besoin et recevoir les structures présentées ; elle n’est jamais publiée." value={f.contactEmail} onChange={set('contactEmail')} errors={errors} />
        <TextField name="title" label="Intitulé du besoin" required hint="Par exemple : entretien des espaces verts du site de Grand-Quevilly." value={f.title} onChange={set('title')} errors={errors} />
        <TextArea name="description" label="Description" required hint="Ce que vous cherchez, le volume, le calendrier. Elle sera envoyée telle quelle aux structures présentées." value={f.description} onChange={set('description')} errors={errors} />
        <SelectField name="kind" label="Nature du besoin" required value={f.kind} onChange={set('kind')} options={NEED_KIND_OPTIONS} errors={errors} />
        <CommuneField name="communeCode" label="Commune où le travail sera réalisé" required code={f.communeCode} onChange={setCommune} errors={errors} />
        <TextField name="budgetMax" label="Budget maximum" unit="euros HT" inputMode="numeric" value={f.budgetMax} onChange={set('budgetMax')} errors={errors} />
        <InclusivePotentialNotice text={`${f.title}\n${f.description}`} communeCode={f.communeCode} budgetMax={f.budgetMax} />
        <TextField name="deadline" label="Date limite" type="date" value={f.deadline} onChange={set('deadline')} errors={errors} />
        <div className="trap">
          <label htmlFor="champ-site-entreprise">Laissez ce champ vide</label>
          <input id="champ-site-entreprise" name="site-entreprise" tabIndex={-1} autoComplete="off" value={f.honeypot} onChange={(e) => set('honeypot')(e.target.value)} />
        </div>
        <div className="actions">
          <button type="submit" disabled={posted.fetching}>
            Déposer mon besoin
          </button>
        </div>
      </form>
    </section>
  );
}

function focusSummary() {
  requestAnimationFrame(() => document.querySelector<HTMLElement>('.error-summary')?.focus());
}

export function Home() {
  return (
    <PublicPage title="Passerelle ESS : achetez auprès de l’économie sociale et solidaire">
      <p>
        L’annuaire des structures de l’ESS de la Métropole Rouen Normandie, et un service gratuit de mise en relation. Vous êtes une structure de l’annuaire ? <Link href="/connexion">Recevez un lien de connexion</Link> pour mettre à jour votre fiche.
      </p>
      <div className="home-sections">
        <DirectorySearch />
        <NeedForm />
      </div>
    </PublicPage>
  );
}
