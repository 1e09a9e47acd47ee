export * from './regions/regionCode.js';
export * from './auth/roles.js';
export * from './auth/schemas.js';
export * from './http/errors.js';
export * from './auth/authorize.js';
export * from './registry/idNumber.js';
export * from './registry/occupations.js';
export * from './registry/worker.js';
