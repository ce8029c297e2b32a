// A firm, an officer, a few ESS structures and a need, written through the API: the starting point
// of every introduction test.
import { needInput, supplierInput } from './fixtures';
import type { TestServer } from './server';

export const SHORTLIST = `id status message approvedAt sentAt need { id title }
  items { rank note reasons score proposedByMatcher supplier { id name } outcome { status amount } }`;
export const MAILS = `mails { id recipient to state attempts lastError sentAt supplier { id } }`;

export const DRAFT = `mutation($needId: ID!, $size: Int) { draftShortlist(needId: $needId, size: $size) { ${SHORTLIST} } }`;
export const UPDATE = `mutation($id: ID!, $supplierIds: [ID!]!, $notes: [ShortlistNoteInput!]) {
  updateShortlist(id: $id, supplierIds: $supplierIds, notes: $notes) { ${SHORTLIST} } }`;
export const APPROVE = `mutation($id: ID!, $message: String) { approveShortlist(id: $id, message: $message) { ${SHORTLIST} } }`;
export const GET = `query($id: ID!) { shortlist(id: $id) { ${SHORTLIST} } }`;
export const GET_MAILS = `query($id: ID!) { shortlist(id: $id) { id status ${MAILS} } }`;

export interface Scene {
  officer: { token: string; email: string };
  company: { token: string; email: string };
  /** Structures by short name; `hostile` carries markup in its name. */
  suppliers: Record<'jardins' | 'esat' | 'hostile' | 'print', { id: string; name: string; contactEmail: string }>;
  needId: string;
  needTitle: string;
}

export const HOSTILE_NAME = '<script>alert("x")</script> Paysages & Cie';

let scenes = 0;

export async function buildScene(t: TestServer, need: Record<string, unknown> = {}): Promise<Scene> {
  scenes += 1;
  const officer = await t.userWithToken('OFFICER');
  // A firm posts under its organisation's name: a name the test wants is given to the organisation.
  const { companyName, ...needFields } = need;
  const company = await t.userWithToken('COMPANY', { organisationName: typeof companyName === 'string' ? companyName : `Transports Normands ${scenes}` });
  const specs = {
    jardins: supplierInput({ name: `Les Jardins de la Seine ${scenes}`, contactEmail: `jardins-${scenes}@ess.example` }),
    esat: supplierInput({
      name: `ESAT Les Ateliers Verts ${scenes}`,
      legalForm: 'ASSOCIATION',
      inclusionKind: 'ESAT',
      description: 'Établissement et service d’aide par le travail : entretien des espaces verts, tonte, taille de haies et débroussaillage.',
      communeCode: '76681',
      contactEmail: `esat-${scenes}@ess.example`,
      website: 'https://ateliers-verts.example',
    }),
    hostile: supplierInput({
      name: HOSTILE_NAME,
      legalForm: 'SCOP',
      inclusionKind: 'EI',
      description: 'Entreprise d’insertion : création et entretien des espaces verts <b>gras</b>, tonte et taille.',
      contactEmail: `paysages-${scenes}@ess.example`,
    }),
    print: supplierInput({
      name: `Imprimerie Solidaire ${scenes}`,
      legalForm: 'SCIC',
      inclusionKind: null,
      description: 'Impression offset et numérique de documents, brochures et affiches.',
      services: ['Impression'],
      nafCodes: ['18.12Z'],
      labels: [],
      contactEmail: `imprimerie-${scenes}@ess.example`,
    }),
  };
  const suppliers = {} as Scene['suppliers'];
  for (const [key, input] of Object.entries(specs)) {
    const res = await t.gql(`mutation($input: SupplierInput!) { createSupplier(input: $input) { id name } }`, { input }, officer.token);
    if (!res.data) throw new Error(`createSupplier failed: ${JSON.stringify(res.errors)}`);
    suppliers[key as keyof Scene['suppliers']] = { ...res.data.createSupplier, contactEmail: String(input.contactEmail).toLowerCase() };
  }
  const needTitle = `Entretien des espaces verts du site de Sotteville n° ${scenes}`;
  const posted = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, { input: needInput({ title: needTitle, deadline: '2031-03-31', ...needFields }) }, company.token);
  if (!posted.data) throw new Error(`postNeed failed: ${JSON.stringify(posted.errors)}`);
  return { officer, company, suppliers, needId: posted.data.postNeed.id, needTitle };
}
