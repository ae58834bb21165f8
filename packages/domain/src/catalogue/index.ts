export * from './quadrants';
export * from './payment-titles';
export * from './kpi-definition';
export * from './kpis';
export * from './reference-costs';
