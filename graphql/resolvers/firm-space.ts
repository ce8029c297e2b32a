// Thin resolvers for the firm's space: what happens next to a need, and the structures' answers.
import { confirmOwnNeed, isChangeable, nextStepFr } from '../../api/needs';
import type { ResolverPart } from './part';

export const firmSpaceResolvers = {
  Need: {
    nextStep: (n, _, { services }) => nextStepFr(n, services.config.serviceCommitment),
    changeable: (n) => isChangeable(n),
  },
  Mutation: {
    confirmMyNeed: (_, { id }, { viewer, services }) => confirmOwnNeed(services, viewer, id),
  },
  ShortlistItem: {
    // Who reads an item reads its list: staff, or the firm once the list is approved.
    answer: (i) => i.response?.answer ?? null,
    answeredAt: (i) => i.response?.answeredAt ?? null,
  },
} satisfies ResolverPart;
