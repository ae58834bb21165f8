export * from './enums';
export * from './organisations';
export * from './access';
export * from './kpis';
export * from './agreements';
export * from './geography';
