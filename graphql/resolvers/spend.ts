// Thin resolvers for a buyer's spend analysis.
import { isStaff } from '../../api/auth/guards';
import { activeSuppliers } from '../../api/directory';
import { analyseSpend, deleteSpendAnalysis, gapPotential, isPublicBuyer, oethDeduction, spendAnalyses, spendAnalysis, spendCsv, spendFigures } from '../../api/spend';
import type { SpendAnalysisRecord } from '../../api/store/types';
import type { Context } from '../context';
import type { ResolverPart } from './part';

const figure = (key: keyof ReturnType<typeof spendFigures>) => (a: SpendAnalysisRecord) => spendFigures(a)[key];

const publicBuyer = async (a: SpendAnalysisRecord, { services }: Context) => isPublicBuyer(await services.store.organisations.findById(a.organisationId));

export const spendResolvers = {
  Query: {
    spendAnalyses: (_, { organisationId }, { viewer, services }) => spendAnalyses(services, viewer, organisationId),
    spendAnalysis: (_, { id }, { viewer, services }) => spendAnalysis(services, viewer, id),
  },
  Mutation: {
    analyseSpend: (_, { csv, organisationId }, { viewer, services }) => analyseSpend(services, viewer, csv, organisationId),
    deleteSpendAnalysis: (_, { id }, { viewer, services }) => deleteSpendAnalysis(services, viewer, id),
  },
  SpendAnalysis: {
    lines: figure('lines'),
    totalAmount: figure('totalAmount'),
    essAmount: figure('essAmount'),
    siaeAmount: figure('siaeAmount'),
    protectedAmount: figure('protectedAmount'),
    essShare: figure('essShare'),
    siaeShare: figure('siaeShare'),
    protectedShare: figure('protectedShare'),
    publicBuyer: (a, _, context) => publicBuyer(a, context),
    oethDeduction: async (a, args, context) =>
      (await publicBuyer(a, context)) ? null : oethDeduction(spendFigures(a).protectedAmount, args),
    csv: async (a, { excelFr }, { services }) => {
      const suggested = await activeSuppliers(services.store, [...new Set(a.gaps.flatMap((g) => g.supplierIds))]);
      return spendCsv(a, new Map([...suggested].map(([id, s]) => [id, s.name])), { excelFr: excelFr === true });
    },
  },
  SpendGap: {
    // Structures retired since the analysis are left out.
    suggestions: async (g, _, { services }) => {
      const found = await activeSuppliers(services.store, g.supplierIds);
      return g.supplierIds.flatMap((id) => found.get(id) ?? []);
    },
    potential: (g, _, { services }) => gapPotential(services, g),
  },
  Need: {
    buyerOrganisationId: (n, _, { viewer }) => (isStaff(viewer) ? n.organisationId : null),
  },
} satisfies ResolverPart;
