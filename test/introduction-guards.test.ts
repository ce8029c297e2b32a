// What approval sends and to whom, as issue #24 found it could go wrong: a note typed after the
// preview, the firm's message missing from the preview (defect 2); an EI added by hand to a purchase
// reserved to ESAT and EA, and the OETH sentence then covering it (defect 3); a second list of a need
// drafting the structures the first already introduced (defect 4). Real server, real SMTP peer.
import { addresses, type TestSmtp } from './helpers/smtp';
import { buildScene, GET_MAILS, SHORTLIST, type Scene } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

const ITEMS = `${SHORTLIST} notice items { supplier { id } alreadyIntroducedAt override { constraint reason at } }`;
const DRAFT = `mutation($needId: ID!, $size: Int, $supplierIds: [ID!], $overrides: [ShortlistOverrideInput!]) {
  draftShortlist(needId: $needId, size: $size, supplierIds: $supplierIds, overrides: $overrides) { ${ITEMS} } }`;
const UPDATE = `mutation($id: ID!, $supplierIds: [ID!]!, $notes: [ShortlistNoteInput!], $overrides: [ShortlistOverrideInput!]) {
  updateShortlist(id: $id, supplierIds: $supplierIds, notes: $notes, overrides: $overrides) { ${ITEMS} } }`;
const GET = `query($id: ID!) { shortlist(id: $id) { ${ITEMS} } }`;
const PREVIEW = `query($id: ID!, $message: String) { previewIntroduction(shortlistId: $id, message: $message) { to subject text html fingerprint } }`;
const APPROVE = `mutation($id: ID!, $message: String, $fp: String) { approveShortlist(id: $id, message: $message, previewFingerprint: $fp) { id status message } }`;

type Preview = { to: string; subject: string; text: string; html: string; fingerprint: string };

describe('introduction guards (#24)', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const preview = async (s: Scene, id: string, message: string | null): Promise<Preview[]> => {
    const res = await t.gql(PREVIEW, { id, message }, s.officer.token);
    expect(res.errors).toBeUndefined();
    return res.data.previewIntroduction;
  };
  const delivered = async (s: Scene, id: string) => {
    await waitFor(`shortlist ${id} SENT`, async () => (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist.status === 'SENT');
    return smtp.messages.filter((m) => (m.messageId ?? '').startsWith(`<${id}.`));
  };
  const status = async (s: Scene, id: string) => (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist;

  it('sends exactly what the preview showed, message included, and refuses an approval once anything changed since', async () => {
    const s = await buildScene(t);
    const draft = (await t.gql(DRAFT, { needId: s.needId, size: 2 }, s.officer.token)).data.draftShortlist;
    const ids: string[] = draft.items.map((i: any) => i.supplier.id);
    const message = 'Bonjour, voici deux structures que nous connaissons bien.';

    const first = await preview(s, draft.id, message);
    const firm = first.find((p) => p.to === s.company.email)!;
    expect(firm.text).toContain(message); // the firm's message is in the preview
    expect(new Set(first.map((p) => p.fingerprint)).size).toBe(1);

    // A note typed after the preview: the approval of that preview is refused, nothing is sent.
    const note = { supplierId: ids[0], note: 'Très réactive sur Sotteville' };
    expect((await t.gql(UPDATE, { id: draft.id, supplierIds: ids, notes: [note] }, s.officer.token)).errors).toBeUndefined();
    const stale = await t.gql(APPROVE, { id: draft.id, message, fp: firm.fingerprint }, s.officer.token);
    expect(codeOf(stale)).toBe('CONFLICT');
    expect(stale.errors![0]!.message).toContain('prévisualisez de nouveau');
    expect(await status(s, draft.id)).toMatchObject({ status: 'DRAFT', mails: [] });

    // A message other than the previewed one is refused too.
    const again = await preview(s, draft.id, message);
    const otherMessage = await t.gql(APPROVE, { id: draft.id, message: 'Autre chose', fp: again[0]!.fingerprint }, s.officer.token);
    expect(codeOf(otherMessage)).toBe('CONFLICT');

    const approved = await t.gql(APPROVE, { id: draft.id, message, fp: again[0]!.fingerprint }, s.officer.token);
    expect(approved.errors).toBeUndefined();
    const mails = await delivered(s, draft.id);
    expect(mails).toHaveLength(again.length);
    for (const p of again) {
      const mail = mails.find((m) => addresses(m.to).includes(p.to))!;
      expect(mail.subject).toBe(p.subject);
      expect(mail.text?.trim()).toBe(p.text.trim());
    }
    const firmMail = mails.find((m) => addresses(m.to).includes(s.company.email))!;
    expect(firmMail.text).toContain(message);
    expect(firmMail.text).toContain('Très réactive sur Sotteville');
  });

  it('lets a structure a hard constraint excludes in only by a derogation with a reason, and the OETH sentence then names only the eligible ones', async () => {
    const s = await buildScene(t, { requiredInclusionKinds: ['ESAT', 'EA', 'EATT'], preferredInclusionKinds: [] });
    const draft = (await t.gql(DRAFT, { needId: s.needId, supplierIds: [s.suppliers.esat.id] }, s.officer.token)).data.draftShortlist;
    const withEi = [s.suppliers.esat.id, s.suppliers.hostile.id];

    const refused = await t.gql(UPDATE, { id: draft.id, supplierIds: withEi }, s.officer.token);
    expect(codeOf(refused)).toBe('BAD_USER_INPUT');
    expect(fieldOf(refused)).toBe('overrides');
    expect(refused.errors![0]!.message).toContain('art. L2113-12');
    expect(refused.errors![0]!.message).toContain('raison de cette dérogation');
    expect((await t.gql(GET, { id: draft.id }, s.officer.token)).data.shortlist.items).toHaveLength(1);
    // Hand-picked at the start of a list: the same rule.
    const other = await buildScene(t, { requiredInclusionKinds: ['ESAT', 'EA', 'EATT'], preferredInclusionKinds: [] });
    expect(fieldOf(await t.gql(DRAFT, { needId: other.needId, supplierIds: [other.suppliers.jardins.id] }, other.officer.token))).toBe('overrides');

    const reason = "L'entreprise a demandé à la connaître : elle ne compte pas pour l'OETH.";
    const added = await t.gql(UPDATE, { id: draft.id, supplierIds: withEi, overrides: [{ supplierId: s.suppliers.hostile.id, reason }] }, s.officer.token);
    expect(added.errors).toBeUndefined();
    const [esat, ei] = added.data.updateShortlist.items;
    expect(esat.override).toBeNull();
    expect(ei.override).toMatchObject({ reason });
    expect(ei.override.constraint).toContain('cette structure est de type EI');

    const p = await preview(s, draft.id, null);
    expect((await t.gql(APPROVE, { id: draft.id, fp: p[0]!.fingerprint }, s.officer.token)).errors).toBeUndefined();
    const firmMail = (await delivered(s, draft.id)).find((m) => addresses(m.to).includes(s.company.email))!;
    expect(firmMail.text).toContain('Paysages & Cie'); // the EI is listed
    const oeth = firmMail.text!.split('\n').filter((line) => line.includes('déductibles de votre contribution OETH'));
    expect(oeth).toHaveLength(1);
    expect(oeth[0]).toContain(s.suppliers.esat.name);
    expect(oeth[0]).not.toContain('Paysages');
    expect(oeth[0]).toContain('ceux auprès des autres ne le sont pas');
    // The derogation is the Métropole's working note: the firm does not read it.
    const asFirm = (await t.gql(GET, { id: draft.id }, s.company.token)).data.shortlist.items;
    expect(asFirm.map((i: any) => i.override)).toEqual([null, null]);
  });

  it('refuses to approve a listed structure a constraint excludes since the need changed, until it has a derogation', async () => {
    const s = await buildScene(t, { preferredInclusionKinds: [] });
    const draft = (await t.gql(DRAFT, { needId: s.needId, supplierIds: [s.suppliers.esat.id, s.suppliers.jardins.id] }, s.officer.token)).data.draftShortlist;
    const changed = await t.gql(`mutation($id: ID!, $input: NeedUpdateInput!) { updateNeed(id: $id, input: $input) { id } }`, { id: s.needId, input: { requiredInclusionKinds: ['ESAT', 'EA', 'EATT'] } }, s.officer.token);
    expect(changed.errors).toBeUndefined();
    const refused = await t.gql(APPROVE, { id: draft.id }, s.officer.token);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toContain(s.suppliers.jardins.name);
  });

  it('a derogation covers the constraints it was given for: one required since refuses the approval until its reason is given again', async () => {
    const s = await buildScene(t, { requiredInclusionKinds: ['ESAT', 'EA', 'EATT'], preferredInclusionKinds: [] });
    const hostile = s.suppliers.hostile;
    const both = [s.suppliers.esat.id, hostile.id];
    const draft = (await t.gql(DRAFT, { needId: s.needId, supplierIds: both, overrides: [{ supplierId: hostile.id, reason: 'La seule entreprise du secteur à 10 km.' }] }, s.officer.token)).data.draftShortlist;
    // Since: the structure has no label left, and the need requires one.
    expect((await t.gql(`mutation($id: ID!, $input: SupplierUpdateInput!) { updateSupplier(id: $id, input: $input) { id } }`, { id: hostile.id, input: { labels: [] } }, s.officer.token)).errors).toBeUndefined();
    expect((await t.gql(`mutation($id: ID!, $input: NeedUpdateInput!) { updateNeed(id: $id, input: $input) { id } }`, { id: s.needId, input: { requiredLabels: ['ECOCERT'] } }, s.officer.token)).errors).toBeUndefined();
    const refused = await t.gql(APPROVE, { id: draft.id }, s.officer.token);
    expect(codeOf(refused)).toBe('CONFLICT');
    expect(refused.errors![0]!.message).toBe(`« ${hostile.name} » ne remplit pas une exigence du besoin que sa dérogation ne couvre pas (Label ECOCERT exigé : absent) : retirez-la de la liste, ou donnez de nouveau la raison de sa dérogation.`);
    expect((await status(s, draft.id)).status).toBe('DRAFT');

    const reason = 'La seule entreprise du secteur à 10 km ; la certification est en cours, l’entreprise le sait.';
    const renewed = await t.gql(UPDATE, { id: draft.id, supplierIds: both, overrides: [{ supplierId: hostile.id, reason }] }, s.officer.token);
    const item = renewed.data.updateShortlist.items.find((i: any) => i.supplier.id === hostile.id);
    expect(item.override.reason).toBe(reason);
    expect(item.override.constraint).toContain('cette structure est de type EI');
    expect(item.override.constraint).toContain('Label ECOCERT exigé : absent');
    const p = await preview(s, draft.id, null);
    expect((await t.gql(APPROVE, { id: draft.id, fp: p[0]!.fingerprint }, s.officer.token)).errors).toBeUndefined();
  });

  it('drafts a new list of a need already introduced without the structures it was introduced to, and says so', async () => {
    const s = await buildScene(t);
    const first = (await t.gql(DRAFT, { needId: s.needId, size: 1 }, s.officer.token)).data.draftShortlist;
    const introduced = first.items[0].supplier;
    expect((await t.gql(APPROVE, { id: first.id }, s.officer.token)).errors).toBeUndefined();

    const second = await t.gql(DRAFT, { needId: s.needId, size: 5 }, s.officer.token);
    expect(second.errors).toBeUndefined();
    const list = second.data.draftShortlist;
    expect(list.id).not.toBe(first.id);
    expect(list.items.length).toBeGreaterThan(0);
    expect(list.items.map((i: any) => i.supplier.id)).not.toContain(introduced.id);
    expect(list.notice).toContain(`${introduced.name} (déjà présentée le `);

    // Added again by hand, it says when it was introduced.
    const ids = [...list.items.map((i: any) => i.supplier.id), introduced.id];
    const updated = await t.gql(UPDATE, { id: list.id, supplierIds: ids }, s.officer.token);
    expect(updated.errors).toBeUndefined();
    const items = updated.data.updateShortlist.items;
    expect(items.at(-1).alreadyIntroducedAt).not.toBeNull();
    expect(items.slice(0, -1).every((i: any) => i.alreadyIntroducedAt === null)).toBe(true);
  });
});
