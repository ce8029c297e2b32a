// Accounts: users, sign-in links, who acts for a structure, privacy (export, erasure).
// This file is the context's public surface: other modules import the context, never its files.
export * from './access-links';
export * from './deps';
export * from './events';
export * from './firm-users';
export * from './privacy';
export * from './structure-users';
export * from './users';
export * from './digest';
