// Mail: templates, transport, outbox rows and the delivery worker.
// This file is the context's public surface: other modules import the context, never its files.
export * from './outbox';
export * from './rows';
export * from './templates';
export * from './transport';
export * from './officer-digest';
