// The server's one outbox: every mail of the service goes through it (introductions, need
// confirmations, follow-ups, invitations to complete a profile), claimed once, retried, and recovered after a crash. Each kind of row
// is composed by its own module.
import type { Config } from '../config';
import type { Clock } from '../kernel';
import { OutboxWorker, type DeliveryHooks, type OutboxLog, createMailTransport, mailDomain } from '../mail';
import type { MailKind, Store } from '../store/types';
import { composeInvitation, recoverInvitationReminders } from '../campaign';
import { completeIfDelivered, composeIntroductionMail, recoverIntroductions, composeFollowUp, followUpsOnceSent, recoverFollowUps } from '../introductions';
import { composeConfirmationMail, composeNeedReceivedMail } from '../needs';
import type { AnswerLinking } from '../links';
import { composeDeclarationReview } from '../directory';
import { composeDigest, scheduleDigests } from '../accounts';

export function createOutbox(store: Store, config: Config, log: OutboxLog, linking: AnswerLinking, clock: Clock): OutboxWorker {
  const domain = mailDomain(config.mailFrom);
  // Every kind has its composer: a new kind that has none does not compile (no default to fall into).
  const composers: Record<MailKind, DeliveryHooks['compose']> = {
    INTRODUCTION: (row) => composeIntroductionMail(store, row, linking),
    NEED_CONFIRMATION: (row) => composeConfirmationMail(store, row, linking),
    FOLLOW_UP: (row) => composeFollowUp({ store }, row, linking),
    REMINDER: (row) => composeFollowUp({ store }, row, linking),
    NEED_RECEIVED: (row) => composeNeedReceivedMail(store, row, { publicUrl: linking.publicUrl, commitment: config.serviceCommitment }),
    DECLARATION_REVIEWED: (row) => composeDeclarationReview(store, row),
    INVITATION: (row) => composeInvitation(store, row, linking),
    INVITATION_REMINDER: (row) => composeInvitation(store, row, linking),
    OFFICER_DIGEST: (row) => composeDigest(store, row, linking.publicUrl),
  };
  return new OutboxWorker(
    store,
    createMailTransport(config),
    {
      compose: (row) => composers[row.kind](row),
      delivered: async (row) => {
        if (row.kind !== 'INTRODUCTION' || !row.shortlistId) return;
        await completeIfDelivered(store, row.shortlistId, clock.now());
        await followUpsOnceSent(store, row.shortlistId, config.followUpAfterMs, domain);
      },
      recover: async () => {
        await recoverIntroductions(store, domain);
        await recoverFollowUps(store, config.followUpAfterMs, domain, clock.now());
        await recoverInvitationReminders(store, config.followUpAfterMs, domain, clock.now());
        await scheduleDigests(store, domain, clock.now());
      },
    },
    { pollIntervalMs: config.mailPollIntervalMs, giveUpAfterMs: config.mailGiveUpAfterMs, recoverEveryMs: config.mailRecoverIntervalMs, clock },
    log,
  );
}
