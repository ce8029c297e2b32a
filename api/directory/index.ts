// The directory: structures' profiles, the public directory's index and map, the matching service, groupements, retired SIRETs.
// This file is the context's public surface: other modules import the context, never its files.
export * from './completeness';
export * from './declarations';
export * from './deps';
export * from './directory';
export * from './directory-index';
export * from './groupements';
export * from './map';
export * from './matching';
export * from './retired-sirets';
export * from './suppliers';
export * from './slug';
