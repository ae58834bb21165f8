export * from './api-fetch';
export * from './problem';
