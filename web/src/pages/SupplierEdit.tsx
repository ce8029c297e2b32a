// Create a structure's profile, or edit it, on its behalf (officers do this for structures that phone them).
import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocation, useParams } from 'wouter';
import { CheckboxGroup, ErrorSummary, focusErrorSummary, SelectField, TextArea, TextField } from '../components/fields';
import { Page, QueryState } from '../components/layout';
import { CommuneField, NafField } from '../components/pickers';
import { SupplierQuery } from '../components/supplier-query';
import { errorsOf, type FieldErrors } from '../errors';
import { graphql } from '../gql';
import type { InclusionKind, LegalForm, SupplierQuery as SupplierData } from '../gql/graphql';
import { INCLUSION_KIND_OPTIONS, LABEL_OPTIONS, LEGAL_FORM_OPTIONS } from '../labels';
import { PROFILE_FORM_FIELDS, profileFormState, profileInput } from '../profile-form';

const Create = graphql(`
  mutation CreateSupplier($input: SupplierInput!) {
    createSupplier(input: $input) {
      id
    }
  }
`);

const Update = graphql(`
  mutation UpdateSupplier($id: ID!, $input: SupplierUpdateInput!) {
    updateSupplier(id: $id, input: $input) {
      id
      name
    }
  }
`);


export function SupplierEdit() {
  const { id } = useParams<{ id?: string }>();
  const [{ data, fetching, error }] = useQuery({ query: SupplierQuery, variables: { id: id ?? '' }, pause: !id });
  if (!id) return <SupplierForm />;
  return (
    <>
      {!data && <QueryState fetching={fetching} error={error} />}
      {data && !data.supplier && (
        <Page title="Structure introuvable">
          <p>Cette structure n’existe pas ou a été retirée de l’annuaire.</p>
        </Page>
      )}
      {data?.supplier && <SupplierForm key={id} existing={data.supplier} />}
    </>
  );
}

function SupplierForm({ existing }: { existing?: NonNullable<SupplierData['supplier']> }) {
  const [, navigate] = useLocation();
  const [f, setF] = useState(() => profileFormState(existing));
  const set = <K extends keyof typeof f>(key: K) => (value: (typeof f)[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const setCommune = useCallback((code: string) => setF((prev) => ({ ...prev, communeCode: code })), []);
  const [created, create] = useMutation(Create);
  const [updated, update] = useMutation(Update);
  const [local, setLocal] = useState<FieldErrors>({});
  // Asked only when the address changes: the previous contact loses its access unless unticked.
  const [detachPrevious, setDetachPrevious] = useState(true);
  const contactChanged = !!existing?.contactEmail && f.contactEmail.trim().toLowerCase() !== existing.contactEmail.toLowerCase();
  const errors = { ...errorsOf(existing ? updated.error : created.error), ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const numbers: FieldErrors = {};
    const input = profileInput(f, numbers);
    setLocal(numbers);
    if (Object.keys(numbers).length) return focusErrorSummary();
    if (existing) {
      const { latitude, longitude, ...rest } = input;
      const given = latitude == null && longitude == null ? rest : input;
      const res = await update({ id: existing.id, input: contactChanged ? { ...given, detachPreviousContact: detachPrevious } : given });
      if (res.data) navigate(`/structures/${existing.id}`);
    } else if (!input.legalForm) {
      setLocal({ ...numbers, legalForm: '« legalForm » : choisissez le statut juridique.' });
    } else {
      const res = await create({ input: { ...input, legalForm: input.legalForm } });
      if (res.data) navigate(`/structures/${res.data.createSupplier.id}`);
    }
    focusErrorSummary();
  }

  return (
    <Page title={existing ? `Modifier la fiche : ${existing.name}` : 'Créer une structure'}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={PROFILE_FORM_FIELDS} />
        <TextField name="name" label="Nom de la structure" required value={f.name} onChange={set('name')} errors={errors} />
        <TextField name="siret" label="SIRET" hint="14 chiffres." inputMode="numeric" value={f.siret} onChange={set('siret')} errors={errors} />
        <SelectField name="legalForm" label="Statut juridique" required value={f.legalForm} onChange={(v) => set('legalForm')(v as LegalForm)} options={LEGAL_FORM_OPTIONS} emptyLabel="Choisir le statut" errors={errors} />
        <SelectField name="inclusionKind" label="Type de structure d’inclusion" value={f.inclusionKind} onChange={(v) => set('inclusionKind')(v as InclusionKind | '')} options={INCLUSION_KIND_OPTIONS} emptyLabel="Aucun (pas une structure d’inclusion)" errors={errors} />
        <TextArea name="description" label="Présentation" required hint="Ce que la structure propose, en quelques phrases." value={f.description} onChange={set('description')} errors={errors} />
        <TextArea name="services" label="Prestations" hint="Une prestation par ligne." rows={3} value={f.services} onChange={set('services')} errors={errors} />
        <NafField name="nafCodes" codes={f.nafCodes} onChange={set('nafCodes')} errors={errors} />
        <CommuneField name="communeCode" label="Commune du siège" required code={f.communeCode} initialName={existing?.commune.name} onChange={setCommune} errors={errors} />
        <TextField name="interventionRadiusKm" label="Rayon d’intervention" unit="km" inputMode="numeric" value={f.interventionRadiusKm} onChange={set('interventionRadiusKm')} errors={errors} />
        <TextField name="employees" label="Nombre de salariés" unit="personnes" inputMode="numeric" value={f.employees} onChange={set('employees')} errors={errors} />
        <TextField name="maxContractValue" label="Marché le plus important possible" unit="euros HT" inputMode="decimal" value={f.maxContractValue} onChange={set('maxContractValue')} errors={errors} />
        <CheckboxGroup name="labels" label="Labels et certifications" values={f.labels} onChange={set('labels')} options={LABEL_OPTIONS} errors={errors} />
        <TextField name="otherLabels" label="Autres labels" hint="Séparés par des virgules." value={f.otherLabels} onChange={set('otherLabels')} errors={errors} />
        <TextField name="contactEmail" label="Adresse électronique de contact" required type="email" hint="Privée : visible des agents et de la structure seulement." value={f.contactEmail} onChange={set('contactEmail')} errors={errors} />
        {contactChanged && (
          <label className="checkbox">
            <input type="checkbox" name="detachPreviousContact" checked={detachPrevious} onChange={(e) => setDetachPrevious(e.target.checked)} />
            Retirer l’accès de l’ancien contact ({existing?.contactEmail})
          </label>
        )}
        <TextField name="website" label="Site web" type="url" value={f.website} onChange={set('website')} errors={errors} />
        <details>
          <summary>Coordonnées précises du siège (facultatif)</summary>
          <p className="hint">Sans elles, le centre de la commune est utilisé ; laissées vides lors d’une modification, les coordonnées enregistrées sont gardées.</p>
          <TextField name="latitude" label="Latitude" unit="degrés" value={f.latitude} onChange={set('latitude')} errors={errors} />
          <TextField name="longitude" label="Longitude" unit="degrés" value={f.longitude} onChange={set('longitude')} errors={errors} />
        </details>
        <div className="actions">
          <button type="submit" disabled={created.fetching || updated.fetching}>
            {existing ? 'Enregistrer les modifications' : 'Créer la structure'}
          </button>
        </div>
      </form>
    </Page>
  );
}
