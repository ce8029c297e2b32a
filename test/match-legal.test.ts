// Reserved contracts and OETH purchases through the API: a structure of another kind is never
// eligible, says why in French (naming the article or the OETH rule), is never drafted, and the
// firm's mail for an OETH purchase says how it counts.
import { addresses, type TestSmtp } from './helpers/smtp';
import { APPROVE, buildScene, DRAFT, GET_MAILS, type Scene } from './helpers/introductions';
import { startMailedServer } from './helpers/mailed-server';
import { codeOf, fieldOf, type TestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

const MATCH = `query($needId: ID!) { matchSuppliers(needId: $needId, limit: 50) { eligible reasons supplier { id } } }`;
const NEED = `query($id: ID!) { need(id: $id) { requiredInclusionKinds preferredInclusionKinds } }`;
const OETH = 'déductibles de votre contribution OETH';

describe('reserved contracts and OETH purchases', () => {
  let smtp: TestSmtp;
  let t: TestServer;
  beforeAll(async () => {
    ({ t, smtp } = await startMailedServer());
  });
  afterAll(async () => {
    await t.destroy();
    await smtp.close();
  });

  const matches = async (s: Scene) => {
    const res = await t.gql(MATCH, { needId: s.needId }, s.officer.token);
    expect(res.errors).toBeUndefined();
    return new Map<string, { eligible: boolean; reasons: string[] }>(res.data.matchSuppliers.map((m: any) => [m.supplier.id, m]));
  };

  const firmMail = async (s: Scene) => {
    const draft = await t.gql(DRAFT, { needId: s.needId, size: 4 }, s.officer.token);
    expect(draft.errors).toBeUndefined();
    const id = draft.data.draftShortlist.id;
    expect((await t.gql(APPROVE, { id }, s.officer.token)).errors).toBeUndefined();
    await waitFor(`shortlist ${id} SENT`, async () => (await t.gql(GET_MAILS, { id }, s.officer.token)).data.shortlist.status === 'SENT');
    const mail = smtp.messages.find((m) => (m.messageId ?? '').startsWith(`<${id}.`) && addresses(m.to).includes(s.company.email));
    return { items: draft.data.draftShortlist.items.map((i: any) => i.supplier.id) as string[], mail: mail! };
  };

  it('keeps a purchase reserved to ESAT and EA for them, names the article and the OETH rule, and says so in the firm mail', async () => {
    const s = await buildScene(t, { requiredInclusionKinds: ['ESAT', 'EA', 'EATT'], preferredInclusionKinds: [] });
    expect((await t.gql(NEED, { id: s.needId }, s.company.token)).data.need.requiredInclusionKinds).toEqual(['ESAT', 'EA', 'EATT']);
    const m = await matches(s);
    expect(m.get(s.suppliers.esat.id)).toMatchObject({ eligible: true });
    expect(m.get(s.suppliers.esat.id)!.reasons.join('\n')).toContain('Structure ESAT : peut répondre');
    for (const key of ['jardins', 'hostile'] as const) {
      const other = m.get(s.suppliers[key].id);
      expect(other).toMatchObject({ eligible: false });
      expect(other!.reasons[0]).toContain('art. L2113-12 du Code de la commande publique');
      expect(other!.reasons[0]).toContain('contribution OETH');
      expect(other!.reasons[0]).toContain('seuls les ESAT et entreprises adaptées (EA, EATT) peuvent répondre');
    }
    expect(m.get(s.suppliers.hostile.id)!.reasons[0]).toContain('cette structure est de type EI');

    const { items, mail } = await firmMail(s);
    expect(items).toEqual([s.suppliers.esat.id]); // the others are never drafted
    expect(mail.text).toContain(OETH);
    expect(mail.text).toContain('dans les limites prévues par le Code du travail');
    expect(mail.html).toContain('contribution OETH');
  });

  it('keeps a contract reserved to the SIAE for them, naming art. L2113-13, with no OETH word in the mail', async () => {
    const s = await buildScene(t, { requiredInclusionKinds: ['ACI', 'AI', 'EI', 'ETTI', 'EITI'] });
    const m = await matches(s);
    expect(m.get(s.suppliers.jardins.id)).toMatchObject({ eligible: true });
    expect(m.get(s.suppliers.hostile.id)).toMatchObject({ eligible: true });
    const esat = m.get(s.suppliers.esat.id)!;
    expect(esat.eligible).toBe(false);
    expect(esat.reasons[0]).toContain('art. L2113-13 du Code de la commande publique');
    expect(esat.reasons[0]).toContain('cette structure est de type ESAT');
    expect(esat.reasons[0]).not.toContain('OETH');
    const { items, mail } = await firmMail(s);
    expect(items).not.toContain(s.suppliers.esat.id);
    expect(items).not.toContain(s.suppliers.print.id);
    expect(items.length).toBeGreaterThan(0);
    expect(mail.text).not.toContain('OETH');
  });

  it('says a reserved contract only, not OETH, when the ESAT/EA need is not a purchase', async () => {
    const s = await buildScene(t, { kind: 'RSE_PARTNERSHIP', requiredInclusionKinds: ['EATT', 'ESAT', 'EA'] });
    const reason = (await matches(s)).get(s.suppliers.jardins.id)!.reasons[0];
    expect(reason).toContain('art. L2113-12');
    expect(reason).not.toContain('OETH');
  });

  it('words any other required set plainly, and every structure outside it is ineligible', async () => {
    const s = await buildScene(t, { requiredInclusionKinds: ['GEIQ'] });
    const m = await matches(s);
    expect(m.size).toBeGreaterThan(0);
    for (const r of m.values()) {
      expect(r.eligible).toBe(false);
      expect(r.reasons[0]).toContain('Type de structure exigé par le besoin (GEIQ)');
      expect(r.reasons[0]).not.toContain('L2113');
    }
    const draft = await t.gql(DRAFT, { needId: s.needId, size: 4 }, s.officer.token);
    expect(draft.data?.draftShortlist?.items ?? []).toEqual([]);
  });

  it('refuses a list too long in French, naming the field, and stores none when none is given', async () => {
    const officer = await t.userWithToken('COMPANY');
    const res = await t.gql(`mutation($input: NeedInput!) { postNeed(input: $input) { id } }`, {
      input: { title: 'x', description: 'y', kind: 'PURCHASE', communeCode: '76540', requiredInclusionKinds: Array(10).fill('ESAT') },
    }, officer.token);
    expect(codeOf(res)).toBe('BAD_USER_INPUT');
    expect(fieldOf(res)).toBe('requiredInclusionKinds');
    expect(res.errors![0]!.message).toContain('« requiredInclusionKinds »');
    const s = await buildScene(t);
    expect((await t.gql(NEED, { id: s.needId }, s.company.token)).data.need.requiredInclusionKinds).toEqual([]);
  });

  it('offers the three legal sets as presets for the need forms', async () => {
    const res = await t.gql(`{ inclusionKindPresets { label kinds basis } }`);
    expect(res.errors).toBeUndefined();
    const presets = res.data.inclusionKindPresets;
    expect(presets.map((p: any) => p.kinds)).toEqual([['ESAT', 'EA', 'EATT'], ['ACI', 'AI', 'EI', 'ETTI', 'EITI'], ['ESAT', 'EA', 'EATT']]);
    expect(presets[0].basis).toContain('L2113-12');
    expect(presets[1].basis).toContain('L2113-13');
    expect(presets[2].basis).toContain('OETH');
  });
});
