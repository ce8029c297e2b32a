// Profile completeness and the campaign to claim and complete imported profiles.
export { COMPLETENESS_FIELD_FR, COMPLETENESS_FIELDS, COMPLETENESS_STEPS, completenessOf, type Completeness, type CompletenessField } from '../directory/completeness';
export {
  campaignFigures,
  composeInvitation,
  invitationCampaign,
  invitationOptOutTarget,
  invitationStatus,
  inviteSuppliers,
  optOutOfInvitation,
  recordCompletion,
  recordSignIn,
  recoverInvitationReminders,
} from './invitations';
