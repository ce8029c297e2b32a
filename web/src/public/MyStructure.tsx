// A structure keeps its own profile: every SupplierUpdateInput field, the API's errors next to the
// fields, and a live preview of its directory card. Its inclusion kind and labels wait for an officer.
import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { Link } from 'wouter';
import { INCLUSION_KIND_FR } from '../../../api/reference/vocabulary';
import { DirectoryCard } from '../components/directory-card';
import { CheckboxGroup, ErrorSummary, focusErrorSummary, SelectField, TextArea, TextField } from '../components/fields';
import { QueryState } from '../components/layout';
import { CommuneField, NafField } from '../components/pickers';
import { PublicPage } from '../components/public-page';
import { errorsOf, type FieldErrors } from '../errors';
import type { InclusionKind, LegalForm } from '../gql/graphql';
import { INCLUSION_KIND_OPTIONS, LABEL_OPTIONS, LEGAL_FORM_OPTIONS } from '../labels';
import { PROFILE_FORM_FIELDS, profileFormState, profileInput, servicesOf, type ProfileValues } from '../profile-form';
import { useSession } from '../session';

const PROFILE_FIELDS = 'id name siret legalForm inclusionKind description services nafCodes interventionRadiusKm employees maxContractValue labels contactEmail website commune { code name } pendingChanges { inclusionKind labels requestedAt } searchHints completeness { percent missingLabels }';
const MINE = `query PublicMyStructure { me { email role supplier { ${PROFILE_FIELDS} } } }`;
const UPDATE = `mutation PublicUpdateSupplier($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { ${PROFILE_FIELDS} } }`;

/** The profile as the page reads it: the form's fields, and what only the page shows. */
interface Profile extends ProfileValues {
  id: string;
  commune: { code: string; name: string };
  pendingChanges: { inclusionKind: InclusionKind | null; labels: string[]; requestedAt: string } | null;
  searchHints: string[] | null;
  completeness: { percent: number; missingLabels: string[] };
}

/** « votre fiche est complète à N % : ajoutez … », from the API's one measure of completeness. */
function CompletenessNotice({ completeness }: { completeness: Profile['completeness'] }) {
  if (completeness.percent >= 100) return <p className="notice notice-ok completeness">Votre fiche est complète : les entreprises savent ce que vous faites et où vous intervenez.</p>;
  return (
    <p className="notice completeness">
      Votre fiche est complète à {completeness.percent} % : ajoutez {completeness.missingLabels.join(', ')}. Les entreprises trouvent plus souvent les structures dont la fiche est complète.
    </p>
  );
}

export function MyStructure() {
  const { session } = useSession();
  const [{ data, fetching, error }] = useQuery<{ me: { email: string; role: string; supplier: Profile | null } | null }>({ query: MINE, pause: !session, requestPolicy: 'network-only' });
  if (!session) {
    return (
      <PublicPage title="Ma structure">
        <p>
          Pour modifier la fiche de votre structure, <Link href="/connexion">recevez un lien de connexion</Link> à l’adresse de contact de la fiche.
        </p>
      </PublicPage>
    );
  }
  if (!data) return <QueryState fetching={fetching} error={error} />;
  const supplier = data.me?.supplier;
  if (!supplier) {
    return (
      <PublicPage title="Ma structure">
        <p>Aucune fiche de l’annuaire n’est rattachée à votre compte. Écrivez à la Métropole pour en créer une.</p>
      </PublicPage>
    );
  }
  return <ProfileForm key={supplier.id} existing={supplier} />;
}

function ProfileForm({ existing }: { existing: Profile }) {
  const declaredKind = existing.pendingChanges ? existing.pendingChanges.inclusionKind : existing.inclusionKind;
  const declaredLabels = existing.pendingChanges ? existing.pendingChanges.labels : existing.labels;
  // The form shows what the structure declared, confirmed or not yet.
  const [f, setF] = useState(() => profileFormState({ ...existing, inclusionKind: declaredKind, labels: declaredLabels }));
  const set = <K extends keyof typeof f>(key: K) => (value: (typeof f)[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const setCommune = useCallback((code: string) => setF((prev) => ({ ...prev, communeCode: code })), []);
  const [updated, update] = useMutation<{ updateSupplier: Profile }>(UPDATE);
  const [local, setLocal] = useState<FieldErrors>({});
  const [saved, setSaved] = useState<Profile | null>(null);
  const errors = { ...errorsOf(updated.error), ...local };
  const pending = (saved ?? existing).pendingChanges;

  async function submit(e: FormEvent) {
    e.preventDefault();
    setSaved(null);
    const numbers: FieldErrors = {};
    const { latitude, longitude, inclusionKind, labels, ...fields } = profileInput(f, numbers);
    const input: Record<string, unknown> = fields;
    if (latitude != null || longitude != null) Object.assign(input, { latitude, longitude });
    // Declared kind and labels go for review only when they change (an officer confirms them).
    if (inclusionKind !== (declaredKind ?? null)) input.inclusionKind = inclusionKind;
    if (labels.join('\u0000') !== declaredLabels.join('\u0000')) input.labels = labels;
    setLocal(numbers);
    if (Object.keys(numbers).length === 0) {
      const res = await update({ id: existing.id, input });
      if (res.data) {
        setSaved(res.data.updateSupplier);
        requestAnimationFrame(() => document.querySelector<HTMLElement>('.profile-saved')?.focus());
        return;
      }
    }
    focusErrorSummary();
  }

  const preview = {
    name: f.name,
    legalForm: f.legalForm || 'UNSPECIFIED',
    // The directory shows the confirmed kind and labels until an officer confirms the declared ones.
    inclusionKind: existing.inclusionKind,
    description: f.description,
    services: servicesOf(f),
    labels: existing.labels,
    communeName: f.communeCode === existing.commune.code ? existing.commune.name : f.communeCode,
    interventionRadiusKm: /^\d+$/.test(f.interventionRadiusKm.trim()) ? Number(f.interventionRadiusKm.trim()) : null,
    website: f.website || null,
  };

  return (
    <PublicPage title={`Ma structure : ${existing.name}`}>
      {saved && (
        <p className="notice notice-ok profile-saved" role="status" tabIndex={-1}>
          Votre fiche est enregistrée ; l’annuaire montre déjà ces informations.
        </p>
      )}
      <CompletenessNotice completeness={(saved ?? existing).completeness} />
      {pending && (
        <p className="notice">
          Type d’inclusion et labels déclarés : en attente de confirmation par un agent de la Métropole ({pending.inclusionKind ? INCLUSION_KIND_FR[pending.inclusionKind] : 'aucun type d’inclusion'}
          {pending.labels.length ? ` ; ${pending.labels.join(', ')}` : ''}). L’annuaire montre les valeurs confirmées d’ici là.
        </p>
      )}
      {(saved ?? existing).searchHints?.length ? (
        <section className="notice search-hints" aria-labelledby="ce-que-cherchent">
          <h2 id="ce-que-cherchent">Ce que cherchent les entreprises</h2>
          <p>
            Mots employés ces douze derniers mois par plusieurs entreprises dans les besoins de votre secteur, absents de votre fiche. S’ils décrivent ce que vous faites, les écrire dans votre présentation ou vos prestations vous fera trouver :
          </p>
          <p className="hints">{(saved ?? existing).searchHints!.join(', ')}</p>
        </section>
      ) : null}
      <div className="profile-layout">
        <form className="form" onSubmit={submit} noValidate aria-label="Fiche de la structure">
          <ErrorSummary errors={errors} fields={PROFILE_FORM_FIELDS} />
          <TextField name="name" label="Nom de la structure" required value={f.name} onChange={set('name')} errors={errors} />
          <TextField name="siret" label="SIRET" hint="14 chiffres." inputMode="numeric" value={f.siret} onChange={set('siret')} errors={errors} />
          <SelectField name="legalForm" label="Statut juridique" required value={f.legalForm} onChange={(v) => set('legalForm')(v as LegalForm)} options={LEGAL_FORM_OPTIONS} emptyLabel="Choisir le statut" errors={errors} />
          <SelectField name="inclusionKind" label="Type de structure d’inclusion" hint="Confirmé par un agent de la Métropole avant de paraître dans l’annuaire." value={f.inclusionKind} onChange={(v) => set('inclusionKind')(v as InclusionKind | '')} options={INCLUSION_KIND_OPTIONS} emptyLabel="Aucun (pas une structure d’inclusion)" errors={errors} />
          <TextArea name="description" label="Présentation" required hint="Ce que votre structure propose, en quelques phrases : c’est ce que lisent les entreprises." value={f.description} onChange={set('description')} errors={errors} />
          <TextArea name="services" label="Prestations" hint="Une prestation par ligne." rows={3} value={f.services} onChange={set('services')} errors={errors} />
          <NafField name="nafCodes" codes={f.nafCodes} onChange={set('nafCodes')} errors={errors} />
          <CommuneField name="communeCode" label="Commune du siège" required code={f.communeCode} initialName={existing.commune.name} onChange={setCommune} errors={errors} />
          <TextField name="interventionRadiusKm" label="Rayon d’intervention" unit="km" inputMode="numeric" value={f.interventionRadiusKm} onChange={set('interventionRadiusKm')} errors={errors} />
          <TextField name="employees" label="Nombre de salariés" unit="personnes" inputMode="numeric" value={f.employees} onChange={set('employees')} errors={errors} />
          <TextField name="maxContractValue" label="Marché le plus important possible" unit="euros HT" inputMode="decimal" value={f.maxContractValue} onChange={set('maxContractValue')} errors={errors} />
          <CheckboxGroup name="labels" label="Labels et certifications" hint="Confirmés par un agent de la Métropole avant de paraître dans l’annuaire." values={f.labels} onChange={set('labels')} options={LABEL_OPTIONS} errors={errors} />
          <TextField name="otherLabels" label="Autres labels" hint="Séparés par des virgules." value={f.otherLabels} onChange={set('otherLabels')} errors={errors} />
          <TextField name="contactEmail" label="Adresse électronique de contact" required type="email" hint="Privée : les mises en relation y arrivent ; elle n’est jamais publiée." value={f.contactEmail} onChange={set('contactEmail')} errors={errors} />
          <TextField name="website" label="Site web" type="url" hint="Adresse complète, commençant par https://." value={f.website} onChange={set('website')} errors={errors} />
          <details>
            <summary>Coordonnées précises du siège (facultatif)</summary>
            <p className="hint">Laissées vides, les coordonnées enregistrées sont gardées.</p>
            <TextField name="latitude" label="Latitude" unit="degrés" value={f.latitude} onChange={set('latitude')} errors={errors} />
            <TextField name="longitude" label="Longitude" unit="degrés" value={f.longitude} onChange={set('longitude')} errors={errors} />
          </details>
          <div className="actions">
            <button type="submit" disabled={updated.fetching}>
              Enregistrer ma fiche
            </button>
          </div>
        </form>
        <aside aria-labelledby="apercu">
          <h2 id="apercu">Aperçu dans l’annuaire</h2>
          <p className="hint">Votre fiche telle que les entreprises la verront, au fil de la saisie.</p>
          <div className="preview">
            <DirectoryCard s={preview} />
          </div>
        </aside>
      </div>
    </PublicPage>
  );
}
