// The server's one outbox: every kind of mail mapped to its composer.
// This file is the context's public surface: other modules import the context, never its files.
export * from './compose';
