// The server's one outbox: every mail of the service goes through it (introductions, need
// confirmations, follow-ups, invitations to complete a profile), claimed once, retried, and recovered after a crash. Each kind of row
// is composed by its own module.
import type { Config } from '../config';
import { OutboxWorker, type OutboxLog } from '../mail/outbox';
import { createMailTransport } from '../mail/transport';
import type { Store } from '../store/types';
import { composeInvitation, recoverInvitationReminders } from '../campaign';
import { completeIfDelivered, composeIntroductionMail, recoverIntroductions } from '../introductions/introductions';
import { composeFollowUp, followUpsOnceSent, recoverFollowUps } from '../introductions/follow-ups';
import { composeConfirmationMail } from '../needs/confirmation';
import { composeNeedReceivedMail } from '../needs/lifecycle';
import { mailDomain } from '../mail/rows';
import { AnswerLinking } from '../links';

export function createOutbox(store: Store, config: Config, log: OutboxLog, linking: AnswerLinking): OutboxWorker {
  const domain = mailDomain(config.mailFrom);
  return new OutboxWorker(
    store,
    createMailTransport(config),
    {
      compose: (row) => {
        switch (row.kind) {
          case 'NEED_CONFIRMATION':
            return composeConfirmationMail(store, row, linking);
          case 'FOLLOW_UP':
          case 'REMINDER':
            return composeFollowUp({ store }, row, linking);
          case 'NEED_RECEIVED':
            return composeNeedReceivedMail(store, row);
          case 'INVITATION':
          case 'INVITATION_REMINDER':
            return composeInvitation(store, row, linking);
          default:
            return composeIntroductionMail(store, row, linking);
        }
      },
      delivered: async (row) => {
        if (row.kind !== 'INTRODUCTION' || !row.shortlistId) return;
        await completeIfDelivered(store, row.shortlistId);
        await followUpsOnceSent(store, row.shortlistId, config.followUpAfterMs, domain);
      },
      recover: async () => {
        await recoverIntroductions(store, domain);
        await recoverFollowUps(store, config.followUpAfterMs, domain);
        await recoverInvitationReminders(store, config.followUpAfterMs, domain);
      },
    },
    { pollIntervalMs: config.mailPollIntervalMs, giveUpAfterMs: config.mailGiveUpAfterMs, recoverEveryMs: config.mailRecoverIntervalMs },
    log,
  );
}
