export * from './kpi-types';
export * from './localised';
export * from './period';
export * from './organisation';
export * from './projection';
export * from './age-bands';
