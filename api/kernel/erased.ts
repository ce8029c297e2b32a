// What a record's contact address becomes when its owner erases its data (api/accounts/privacy.ts):
// kept as a marker so mails due to it are dropped, never sent.
/** Stands for an erased address: the .invalid domain can never receive mail (RFC 2606). */
export const ERASED_EMAIL = 'adresse-supprimee@anonyme.invalid';
