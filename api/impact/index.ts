// The yearly review's figures and its report.
// This file is the context's public surface: other modules import the context, never its files.
export * from './impact';
