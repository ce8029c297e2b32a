// Thin resolvers for the structure's space (api/introductions) and the officers' notifications
// (api/needs assignment, api/accounts digest).
import { canSeePrivate } from '../../api/auth/guards';
import { setDailyDigest } from '../../api/accounts';
import { answerIntroduction, myIntroductions, setMyFollowUps } from '../../api/introductions';
import { assignNeed, needAssignment, officers, releaseNeed } from '../../api/needs';
import type { ResolverPart } from './part';

export const spaceResolvers = {
  Query: {
    myIntroductions: (_, __, { viewer, services }) => myIntroductions(services, viewer),
    officers: (_, __, { viewer, services }) => officers(services, viewer),
  },
  Mutation: {
    answerIntroduction: (_, args, { viewer, services }) => answerIntroduction(services, viewer, args),
    setMyFollowUps: (_, { enabled }, { viewer, services }) => setMyFollowUps(services, viewer, enabled),
    assignNeed: (_, { needId, officerId }, { viewer, services }) => assignNeed(services, viewer, needId, officerId),
    releaseNeed: (_, { needId }, { viewer, services }) => releaseNeed(services, viewer, needId),
    setDailyDigest: (_, { enabled }, { viewer, services }) => setDailyDigest(services, viewer, enabled),
  },
  Supplier: {
    followUpsOff: (s, _, { viewer }) => (canSeePrivate(viewer, s.organisationId) ? Boolean(s.followUpsOffAt) : null),
  },
  User: {
    // His own setting: nobody else reads whether an officer gets the digest.
    dailyDigest: (u, _, { viewer }) => (viewer?.userId === u.id ? Boolean(u.dailyDigestFrom) : null),
  },
  Need: {
    assignment: (n, _, { viewer, services }) => needAssignment(services, viewer, n),
  },
} satisfies ResolverPart;
