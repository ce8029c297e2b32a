// Imports of structures from files (template CSV, SIRENE stock, data·inclusion).
// This file is the context's public surface: other modules import the context, never its files.
export * from './feed';
export * from './files';
export * from './formats';
export * from './inclusion';
export * from './items';
export * from './report';
export * from './run';
export * from './sirene';
export * from './stock-lines';
export * from './template';
export * from './territory';
