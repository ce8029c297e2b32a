// Valid inputs that tests vary one field at a time.

/** A Luhn-valid 14-digit SIRET built from a 13-digit stem (test data only). */
export function siret(stem: number): string {
  const body = String(stem).padStart(13, '0');
  for (let check = 0; check < 10; check += 1) {
    const candidate = body + check;
    const sum = [...candidate].reverse().reduce((acc, ch, i) => {
      const d = Number(ch) * (i % 2 === 1 ? 2 : 1);
      return acc + (d > 9 ? d - 9 : d);
    }, 0);
    if (sum % 10 === 0) return candidate;
  }
  throw new Error('unreachable');
}

let stem = 4_200_000_000_000;

export function supplierInput(overrides: Record<string, unknown> = {}) {
  stem += 1;
  return {
    name: 'Les Jardins de la Seine',
    siret: siret(stem),
    legalForm: 'ASSOCIATION',
    inclusionKind: 'ACI',
    description: "Chantier d'insertion : entretien d'espaces verts, taille de haies, tonte et débroussaillage pour entreprises et collectivités.",
    services: ['Entretien des espaces verts', 'Taille de haies'],
    nafCodes: ['81.30Z'],
    communeCode: '76540',
    interventionRadiusKm: 30,
    employees: 25,
    maxContractValue: 60000,
    labels: ['ecocert'],
    // One address per structure, as a structure may not give itself another one's (api/directory/suppliers.ts).
    contactEmail: `Contact-${stem}@Jardins-Seine.example`,
    website: 'https://jardins-seine.example',
    ...overrides,
  };
}

export function needInput(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Entretien des espaces verts du site de Sotteville',
    description: 'Tonte, taille des haies et ramassage des feuilles sur 2 hectares, de mars à novembre.',
    kind: 'PURCHASE',
    nafCodes: ['81.30Z'],
    communeCode: '76681',
    budgetMin: 20000,
    budgetMax: 40000,
    requiredLabels: [],
    preferredInclusionKinds: ['ACI'],
    ...overrides,
  };
}
