// What a record's contact address becomes when its owner erases its data (api/accounts/privacy.ts):
// kept as a marker so mails due to it are dropped, never sent.
/** Stands for an erased address: the .invalid domain can never receive mail (RFC 2606). */
export const ERASED_EMAIL = 'adresse-supprimee@anonyme.invalid';
/** Why a mail to a firm or a structure that erased its data is dropped (what officers read on it). */
export const FIRM_ERASED = "L'entreprise a effacé ses données.";
export const STRUCTURE_ERASED = 'La structure a effacé ses données.';
