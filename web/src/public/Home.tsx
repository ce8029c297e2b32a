// The public home: the directory search (text, facets, cards, pages) and "Déposer un besoin" without an account.
import { useCallback, useEffect, useMemo, useRef, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link, useSearch } from 'wouter';
import { PUBLIC_STRUCTURE } from '../../../graphql/public-operations';
import { AS_GET } from '../client';
import { DirectorySearch } from '../components/directory-search';
import { ErrorSummary, focusErrorSummary, SelectField, TextArea, TextField } from '../components/fields';
import { CommuneField } from '../components/pickers';
import { InclusivePotentialNotice } from '../components/potential';
import { PublicPage } from '../components/public-page';
import { errorsOf, type FieldErrors } from '../errors';
import type { NeedKind } from '../gql/graphql';
import { optionalEuros } from '../inputs';
import { NEED_KIND_OPTIONS } from '../labels';
import { useSession } from '../session';

// Plain documents (not graphql()): the public pages keep out of the console's generated file.
const POST_NEED = `
  mutation PublicPostNeed($input: NeedInput!) {
    postNeed(input: $input) { id confirmedAt }
  }
`;
const NEED_FIELDS = ['companyName', 'contactEmail', 'title', 'description', 'kind', 'communeCode', 'budgetMax', 'deadline'];
const EMPTY_NEED = { companyName: '', contactEmail: '', title: '', description: '', kind: 'PURCHASE', communeCode: '', budgetMax: '', deadline: '', honeypot: '' };

interface Addressed {
  id: string;
  name: string;
  slug: string;
}

/** « Contacter via la Métropole » on a structure's page: /?structure=<slug>, the structure the need is for. */
function useAddressedStructure(): Addressed | null {
  const slug = new URLSearchParams(useSearch()).get('structure') ?? '';
  const [{ data }] = useQuery<{ supplierBySlug: Addressed | null }>({ query: PUBLIC_STRUCTURE, variables: { slug }, pause: !slug, context: AS_GET });
  return slug ? (data?.supplierBySlug ?? null) : null;
}

/** 32 hex digits from the browser's random source (crypto.randomUUID needs a secure context). */
const newClientKey = (): string => Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');

function NeedForm({ addressedTo }: { addressedTo: Addressed | null }) {
  const [f, setF] = useState(EMPTY_NEED);
  // The need names the structure in its text: officers read it and introduce that structure if it fits.
  useEffect(() => {
    if (!addressedTo) return;
    const page = `${window.location.origin}/structures/${addressedTo.slug}`;
    setF((prev) => ({
      ...prev,
      title: prev.title || `Mise en relation avec ${addressedTo.name}`,
      description: prev.description || `Je souhaite être mis en relation avec ${addressedTo.name} (${page}) pour : `,
    }));
    requestAnimationFrame(() => document.getElementById('deposer')?.scrollIntoView());
  }, [addressedTo]);
  const set = (key: keyof typeof EMPTY_NEED) => (value: string) => setF((prev) => ({ ...prev, [key]: value }));
  const setCommune = useCallback((code: string) => setF((prev) => ({ ...prev, communeCode: code })), []);
  const [posted, post] = useMutation<{ postNeed: { id: string; confirmedAt: string | null } }>(POST_NEED);
  const [local, setLocal] = useState<FieldErrors>({});
  // A signed-in firm posts under its organisation's name, to its own address: the form does not ask again.
  const { session } = useSession();
  const firm = session?.role === 'COMPANY' ? session : null;
  const [done, setDone] = useState<{ email: string; confirmed: boolean } | null>(null);
  const [formKey, setFormKey] = useState(0); // a new form (and commune picker) after each need posted
  // The same key for every send of this form: the service answers a second send with the first need.
  const clientKey = useMemo(newClientKey, [formKey]);
  const sending = useRef(false);
  const errors = { ...errorsOf(posted.error), ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const numbers: FieldErrors = {};
    const budgetMax = optionalEuros(f.budgetMax, 'budgetMax', numbers);
    setLocal(numbers); // an amount it cannot read is sent as UNREADABLE: the API then says every other error too
    const input = {
      companyName: firm ? null : f.companyName,
      contactEmail: firm ? null : f.contactEmail,
      title: f.title,
      description: f.description,
      kind: f.kind as NeedKind,
      communeCode: f.communeCode,
      budgetMax,
      deadline: f.deadline ? new Date(`${f.deadline}T12:00:00Z`).toISOString() : null,
      honeypot: f.honeypot || null,
      clientKey,
      addressedTo: addressedTo?.id ?? null,
    };
    // A double click lands before the disabled button is drawn: one send at a time.
    if (sending.current) return;
    sending.current = true;
    const res = await post({ input }).finally(() => (sending.current = false));
    if (res.data) {
      setDone({ email: firm?.email ?? f.contactEmail, confirmed: res.data.postNeed.confirmedAt !== null });
      setF(EMPTY_NEED);
      setFormKey((k) => k + 1);
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.need-done')?.focus());
    } else focusErrorSummary();
  }

  return (
    <section aria-labelledby="deposer">
      <h2 id="deposer">Déposer un besoin</h2>
      <p>Entreprise du territoire, décrivez votre achat, votre sous-traitance ou votre clause d’insertion : la Métropole vous présente des structures de l’ESS qui peuvent y répondre. Aucun compte n’est nécessaire.</p>
      {addressedTo && (
        <p className="notice" id="besoin-adresse">
          Votre demande concerne <strong>{addressedTo.name}</strong> : complétez la description de votre besoin. La Métropole la lui présentera si elle peut y répondre, et peut vous proposer d’autres structures.
        </p>
      )}
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
        {firm ? (
          <p className="notice">
            Vous déposez ce besoin au nom de votre entreprise : les structures présentées vous seront envoyées à <strong>{firm.email}</strong>, et vous le suivez dans « Mes besoins ».
          </p>
        ) : (
          <>
            <TextField name="companyName" label="Nom de votre entreprise" required autoComplete="organization" value={f.companyName} onChange={set('companyName')} errors={errors} />
            <TextField name="contactEmail" label="Votre adresse électronique" required type="email" autoComplete="email" hint="Pour confirmer le besoin et recevoir les structures présentées ; elle n’est jamais publiée." value={f.contactEmail} onChange={set('contactEmail')} errors={errors} />
          </>
        )}
        <TextField name="title" label="Intitulé du besoin" required hint="Par exemple : entretien des espaces verts du site de Grand-Quevilly." value={f.title} onChange={set('title')} errors={errors} />
        <TextArea name="description" label="Description" required hint="Ce que vous cherchez, le volume, le calendrier. Elle sera envoyée telle quelle aux structures présentées." value={f.description} onChange={set('description')} errors={errors} />
        <SelectField name="kind" label="Nature du besoin" required value={f.kind} onChange={set('kind')} options={NEED_KIND_OPTIONS} errors={errors} />
        <CommuneField name="communeCode" label="Commune où le travail sera réalisé" required code={f.communeCode} onChange={setCommune} errors={errors} />
        <TextField name="budgetMax" label="Budget maximum" unit="euros HT" inputMode="decimal" hint="Par exemple 25 000." value={f.budgetMax} onChange={set('budgetMax')} errors={errors} />
        <InclusivePotentialNotice text={`${f.title}\n${f.description}`} communeCode={f.communeCode} budgetMax={f.budgetMax} />
        <TextField name="deadline" label="Date limite" type="date" value={f.deadline} onChange={set('deadline')} errors={errors} />
        {/* Hidden from people and from assistive technology alike: only robots fill it. */}
        <div className="trap" aria-hidden="true">
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

export function Home() {
  const addressedTo = useAddressedStructure();
  return (
    <PublicPage title="Passerelle ESS : achetez auprès de l’économie sociale et solidaire">
      <p>
        L’annuaire des structures de l’ESS de la Métropole Rouen Normandie, et un service gratuit de mise en relation. Vous êtes une structure de l’annuaire ? <Link href="/connexion">Recevez un lien de connexion</Link> pour mettre à jour votre fiche.
      </p>
      <div className="home-sections">
        <DirectorySearch />
        <NeedForm addressedTo={addressedTo} />
      </div>
    </PublicPage>
  );
}
