// A need heard by phone, or its correction (/besoins/:id/modifier, before any introduction): every
// NeedInput field; the API's refusal shown next to the field it names, and what was typed kept.
import { useCallback, useState, type FormEvent } from 'react';
import { useMutation, useQuery } from 'urql';
import { useLocation, useParams } from 'wouter';
import { CheckboxGroup, ErrorSummary, focusErrorSummary, SelectField, TextArea, TextField } from '../components/fields';
import { noteErrors, useNoteSavedMeanwhile } from '../components/internal-note';
import { Page, QueryState } from '../components/layout';
import { CommuneField, NafField } from '../components/pickers';
import { InclusivePotentialNotice } from '../components/potential';
import { type FieldErrors } from '../errors';
import { graphql } from '../gql';
import type { InclusionKind, NeedKind } from '../gql/graphql';
import { changedFields, optionalEuros, optionalFloat, splitList } from '../inputs';
import { INCLUSION_KIND_OPTIONS, LABEL_OPTIONS, NEED_KIND_OPTIONS } from '../labels';

const PostNeed = graphql(`
  mutation PostNeed($input: NeedInput!) {
    postNeed(input: $input) {
      id
    }
  }
`);

const UpdateNeed = graphql(`
  mutation UpdateNeedForm($id: ID!, $input: NeedUpdateInput!) {
    updateNeed(id: $id, input: $input) {
      id
    }
  }
`);

const NeedToEdit = graphql(`
  query NeedToEdit($id: ID!) {
    need(id: $id) {
      id
      title
      description
      internalNote
      kind
      companyName
      contactEmail
      commune {
        code
      }
      nafCodes
      budgetMin
      budgetMax
      deadline
      requiredLabels
      preferredInclusionKinds
      requiredInclusionKinds
    }
  }
`);

const Presets = graphql(`
  query InclusionKindPresets {
    inclusionKindPresets {
      label
      kinds
      basis
    }
  }
`);

const FIELDS = ['title', 'description', 'internalNote', 'kind', 'companyName', 'contactEmail', 'communeCode', 'nafCodes', 'budgetMin', 'budgetMax', 'deadline', 'requiredLabels', 'preferredInclusionKinds', 'requiredInclusionKinds', 'latitude', 'longitude'];

const EMPTY = {
  title: '',
  description: '',
  internalNote: '',
  kind: 'PURCHASE',
  companyName: '',
  contactEmail: '',
  communeCode: '',
  nafCodes: [] as string[],
  budgetMin: '',
  budgetMax: '',
  deadline: '',
  requiredLabels: [] as string[],
  otherLabels: '',
  preferredInclusionKinds: [] as string[],
  requiredInclusionKinds: [] as string[],
  latitude: '',
  longitude: '',
};
type Fields = typeof EMPTY;

/** /besoins/nouveau records a need; /besoins/:id/modifier corrects one (its rules: the API's). */
export function NeedForm() {
  const { id } = useParams<{ id?: string }>();
  const [{ data, fetching, error }] = useQuery({ query: NeedToEdit, variables: { id: id ?? '' }, pause: !id });
  if (!id) return <NeedFields initial={EMPTY} />;
  const n = data?.need;
  return (
    <>
      {!n && (
        <Page title="Corriger un besoin">
          <QueryState fetching={fetching && !data} error={error} />
          {data && <p>Ce besoin n’existe pas.</p>}
        </Page>
      )}
      {n && (
        <NeedFields
          needId={n.id}
          initial={{
            ...EMPTY,
            title: n.title,
            description: n.description,
            internalNote: n.internalNote ?? '',
            kind: n.kind,
            companyName: n.companyName ?? '',
            contactEmail: n.contactEmail,
            communeCode: n.commune.code,
            nafCodes: [...n.nafCodes],
            budgetMin: n.budgetMin?.toString() ?? '',
            budgetMax: n.budgetMax?.toString() ?? '',
            deadline: n.deadline ? String(n.deadline).slice(0, 10) : '',
            requiredLabels: [...n.requiredLabels],
            preferredInclusionKinds: [...n.preferredInclusionKinds],
            requiredInclusionKinds: [...n.requiredInclusionKinds],
          }}
        />
      )}
    </>
  );
}

function NeedFields({ initial, needId }: { initial: Fields; needId?: string }) {
  const [, navigate] = useLocation();
  const [f, setF] = useState(initial);
  const set = <K extends keyof typeof f>(key: K) => (value: (typeof f)[K]) => setF((prev) => ({ ...prev, [key]: value }));
  const setCommune = useCallback((code: string) => setF((prev) => ({ ...prev, communeCode: code })), []);
  const [presets] = useQuery({ query: Presets });
  const [posting, post] = useMutation(PostNeed);
  const [updating, update] = useMutation(UpdateNeed);
  // The note as last read: after a colleague's note is shown, the next save is over that one.
  const [noteRead, setNoteRead] = useState(initial.internalNote);
  const savedMeanwhile = useNoteSavedMeanwhile();
  const result = needId ? updating : posting;
  const [local, setLocal] = useState<FieldErrors>({});
  const errors = { ...noteErrors(result.error), ...local };

  async function submit(e: FormEvent) {
    e.preventDefault();
    const numbers: FieldErrors = {};
    const coordinates: FieldErrors = {}; // any number is a coordinate: these cannot be sent for the API to refuse
    const input = inputOf(f, numbers, coordinates);
    setLocal({ ...numbers, ...coordinates });
    if (Object.keys(coordinates).length) return focusErrorSummary();
    // A correction sends only what the officer changed: the firm may have corrected another field meanwhile.
    // A rewritten note says which one it was written from: another officer's words written since are not overwritten.
    const changes = changedFields(inputOf(initial, {}, {}), input);
    const correction = 'internalNote' in changes ? { ...changes, internalNoteWas: noteRead || null } : changes;
    const res = needId ? await update({ id: needId, input: correction }) : await post({ input });
    const saved = res.data && ('updateNeed' in res.data ? res.data.updateNeed : res.data.postNeed);
    if (saved) return navigate(`/besoins/${saved.id}`);
    const now = needId ? await savedMeanwhile(res.error, needId) : null;
    if (now !== null) setNoteRead(now);
    focusErrorSummary();
  }

  return (
    <Page title={needId ? 'Corriger le besoin' : 'Enregistrer un besoin entendu par téléphone'}>
      <form className="form" onSubmit={submit} noValidate>
        <ErrorSummary errors={errors} fields={FIELDS} />
        <TextField name="companyName" label="Entreprise" required hint="Le nom de l’entreprise pour laquelle vous enregistrez le besoin." value={f.companyName} onChange={set('companyName')} errors={errors} />
        <TextField name="contactEmail" label="Adresse électronique de l’entreprise" required type="email" hint="La liste de structures lui sera envoyée à cette adresse." value={f.contactEmail} onChange={set('contactEmail')} errors={errors} />
        <TextField name="title" label="Intitulé du besoin" required value={f.title} onChange={set('title')} errors={errors} />
        <TextArea name="description" label="Description" required hint="Ce que l’entreprise attend : prestations, quantités, calendrier." value={f.description} onChange={set('description')} errors={errors} />
        <TextArea name="internalNote" label="Note interne" hint="Jamais envoyée à l’entreprise ni aux structures : interlocuteur, notes prises au téléphone." value={f.internalNote} onChange={set('internalNote')} errors={errors} />
        <SelectField name="kind" label="Type de besoin" required value={f.kind} onChange={set('kind')} options={NEED_KIND_OPTIONS} errors={errors} />
        <CommuneField name="communeCode" label="Commune où le travail est à faire" required code={f.communeCode} onChange={setCommune} errors={errors} />
        <NafField name="nafCodes" codes={f.nafCodes} onChange={set('nafCodes')} errors={errors} />
        <TextField name="budgetMin" label="Budget minimum" unit="euros HT" inputMode="decimal" value={f.budgetMin} onChange={set('budgetMin')} errors={errors} />
        <TextField name="budgetMax" label="Budget maximum" unit="euros HT" inputMode="decimal" value={f.budgetMax} onChange={set('budgetMax')} errors={errors} />
        <TextField name="deadline" label="Échéance" type="date" hint="Date à laquelle le travail doit être fait (jour, heure de Paris)." value={f.deadline} onChange={set('deadline')} errors={errors} />
        <CheckboxGroup name="requiredLabels" label="Labels exigés" hint="Seules les structures qui ont tous ces labels seront proposées." values={f.requiredLabels} onChange={set('requiredLabels')} options={LABEL_OPTIONS} errors={errors} />
        <TextField name="otherLabels" label="Autres labels exigés" hint="Séparés par des virgules." value={f.otherLabels} onChange={set('otherLabels')} errors={errors} />
        <CheckboxGroup name="preferredInclusionKinds" label="Types de structures d’inclusion souhaités" hint="Une préférence : ces structures sont mieux classées, les autres restent proposées." values={f.preferredInclusionKinds} onChange={set('preferredInclusionKinds')} options={INCLUSION_KIND_OPTIONS} errors={errors} />
        <CheckboxGroup name="requiredInclusionKinds" label="Types de structures d’inclusion exigés" hint="Une exigence : seules ces structures sont éligibles (marchés réservés, achats déductibles de l’OETH)." values={f.requiredInclusionKinds} onChange={set('requiredInclusionKinds')} options={INCLUSION_KIND_OPTIONS} errors={errors}>
          {presets.data && (
            <div className="presets" role="group" aria-label="Préréglages légaux">
              {presets.data.inclusionKindPresets.map((p) => (
                <button key={p.label} type="button" className="secondary small" title={p.basis} onClick={() => set('requiredInclusionKinds')([...p.kinds])}>
                  {p.label}
                </button>
              ))}
            </div>
          )}
        </CheckboxGroup>
        <InclusivePotentialNotice text={`${f.title}\n${f.description}`} communeCode={f.communeCode} budgetMax={f.budgetMax} requiredInclusionKinds={f.requiredInclusionKinds} />
        <details>
          <summary>Coordonnées précises du lieu (facultatif)</summary>
          <p className="hint">Sans elles, le centre de la commune est utilisé.</p>
          <TextField name="latitude" label="Latitude" unit="degrés" inputMode="text" value={f.latitude} onChange={set('latitude')} errors={errors} />
          <TextField name="longitude" label="Longitude" unit="degrés" inputMode="text" value={f.longitude} onChange={set('longitude')} errors={errors} />
        </details>
        <div className="actions">
          <button type="submit" disabled={result.fetching}>
            {needId ? 'Enregistrer les corrections' : 'Enregistrer le besoin'}
          </button>
        </div>
      </form>
    </Page>
  );
}

/** The API's input for the form's fields; a number that cannot be read is said in `numbers` (sent as UNREADABLE) or `coordinates`. */
function inputOf(f: Fields, numbers: FieldErrors, coordinates: FieldErrors) {
  return {
    title: f.title,
    description: f.description,
    internalNote: f.internalNote || null,
    kind: f.kind as NeedKind,
    companyName: f.companyName || null,
    contactEmail: f.contactEmail || null,
    communeCode: f.communeCode,
    nafCodes: f.nafCodes,
    budgetMin: optionalEuros(f.budgetMin, 'budgetMin', numbers),
    budgetMax: optionalEuros(f.budgetMax, 'budgetMax', numbers),
    deadline: f.deadline || null,
    requiredLabels: [...f.requiredLabels, ...splitList(f.otherLabels)],
    preferredInclusionKinds: f.preferredInclusionKinds as InclusionKind[],
    requiredInclusionKinds: f.requiredInclusionKinds as InclusionKind[],
    latitude: optionalFloat(f.latitude, 'latitude', coordinates),
    longitude: optionalFloat(f.longitude, 'longitude', coordinates),
  };
}
