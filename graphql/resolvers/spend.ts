// Thin resolvers for a buyer's spend analysis.
import { isStaff } from '../../api/auth/guards';
import { activeSuppliers } from '../../api/directory';
import { analyseSpend, deleteSpendAnalysis, gapPotential, isPublicBuyer, oethDeduction, spendAnalyses, spendAnalysis, spendCsv, spendFigures } from '../../api/spend';
import type { NeedRecord, SpendAnalysisRecord, SpendGapRecord } from '../../api/store/types';
import type { Context, NoArgs } from '../context';
import type { MutationAnalyseSpendArgs, MutationDeleteSpendAnalysisArgs, QuerySpendAnalysesArgs, QuerySpendAnalysisArgs, SpendAnalysisCsvArgs, SpendAnalysisOethDeductionArgs } from '../generated/schema-types';

const figure = (key: keyof ReturnType<typeof spendFigures>) => (a: SpendAnalysisRecord) => spendFigures(a)[key];

const publicBuyer = async (a: SpendAnalysisRecord, { services }: Context) => isPublicBuyer(await services.store.organisations.findById(a.organisationId));

export const spendResolvers = {
  Query: {
    spendAnalyses: (_: unknown, { organisationId }: QuerySpendAnalysesArgs, { viewer, services }: Context) => spendAnalyses(services, viewer, organisationId),
    spendAnalysis: (_: unknown, { id }: QuerySpendAnalysisArgs, { viewer, services }: Context) => spendAnalysis(services, viewer, id),
  },
  Mutation: {
    analyseSpend: (_: unknown, { csv, organisationId }: MutationAnalyseSpendArgs, { viewer, services }: Context) => analyseSpend(services, viewer, csv, organisationId),
    deleteSpendAnalysis: (_: unknown, { id }: MutationDeleteSpendAnalysisArgs, { viewer, services }: Context) => deleteSpendAnalysis(services, viewer, id),
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
    publicBuyer: (a: SpendAnalysisRecord, _: NoArgs, context: Context) => publicBuyer(a, context),
    oethDeduction: async (a: SpendAnalysisRecord, args: SpendAnalysisOethDeductionArgs, context: Context) =>
      (await publicBuyer(a, context)) ? null : oethDeduction(spendFigures(a).protectedAmount, args),
    csv: async (a: SpendAnalysisRecord, { excelFr }: SpendAnalysisCsvArgs, { services }: Context) => {
      const suggested = await activeSuppliers(services.store, [...new Set(a.gaps.flatMap((g) => g.supplierIds))]);
      return spendCsv(a, new Map([...suggested].map(([id, s]) => [id, s.name])), { excelFr: excelFr === true });
    },
  },
  SpendGap: {
    // Structures retired since the analysis are left out.
    suggestions: async (g: SpendGapRecord, _: NoArgs, { services }: Context) => {
      const found = await activeSuppliers(services.store, g.supplierIds);
      return g.supplierIds.flatMap((id) => found.get(id) ?? []);
    },
    potential: (g: SpendGapRecord, _: NoArgs, { services }: Context) => gapPotential(services, g),
  },
  Need: {
    buyerOrganisationId: (n: NeedRecord, _: NoArgs, { viewer }: Context) => (isStaff(viewer) ? n.organisationId : null),
  },
};
