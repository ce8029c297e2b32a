// The campaign to claim and complete imported profiles.
// This file is the context's public surface: other modules import the context, never its files.
export * from './invitations';
