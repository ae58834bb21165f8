// The public API of @kwadrant/domain. Subpath exports (./catalogue, ./model, ./stats, ./agreements)
// let callers import one part; the root re-exports all of them for integrations and tests.
export * from './model';
export * from './catalogue';
export * from './stats';
export * from './agreements';
