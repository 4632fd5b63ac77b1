export * from './ai.ts';
export * from './errors.ts';
export * from './orchestration/index.ts';
export * from './pagination.ts';
export * from './permissions/index.ts';
export * from './system.ts';
