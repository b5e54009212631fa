export * from './types';
export * from './api';
export * from './methods';
