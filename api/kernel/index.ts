// Validation, paging, ids, the clock, the erased-address marker and the reference search: what every context uses.
// This file is the context's public surface: other modules import the context, never its files.
export * from './clock';
export * from './erased';
export * from './ids';
export * from './pagination';
export * from './reference-search';
export * from './validation';
