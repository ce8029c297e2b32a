// Firms' needs: the model, posting (with or without an account), the lifecycle, search hints.
// This file is the context's public surface: other modules import the context, never its files.
export * from './confirmation';
export * from './deps';
export * from './lifecycle';
export * from './model';
export * from './needs';
export * from './search-hints';
export * from './assignment';
export * from './next-step';
