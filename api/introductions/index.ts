// Introductions: shortlists, their approval and mails, answers, outcomes, follow-ups.
// This file is the context's public surface: other modules import the context, never its files.
export * from './deps';
export { dropRowsOfErasedStructures } from './erased-meanwhile';
export * from './firm-outcomes';
export * from './follow-ups';
export * from './introductions';
export * from './outcomes';
export * from './responses';
export * from './shortlists';
export * from './received';
