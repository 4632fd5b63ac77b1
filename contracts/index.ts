export * from './ai.ts';
export * from './errors.ts';
export * from './pagination.ts';
export * from './system.ts';
export * from './permissions/index.ts';
export * from './orchestration/index.ts';
