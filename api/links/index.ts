// The links of mails: signing and checking (signer) and what each purpose's link is (builders).
export * from './builders';
export { createLinkSigner, type LinkCheck, type LinkClaims, type LinkPurpose, type LinkSigner } from './signer';
