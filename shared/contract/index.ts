export * from './types';
export * from './analytics';
export * from './results';
export * from './envelope';
export * from './api';
export * from './methods';
