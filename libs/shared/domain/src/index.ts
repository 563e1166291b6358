export * from './limits.js';
export * from './roles.js';
export * from './permissions.js';
export * from './headings.js';
export * from './identity.js';
export * from './password-strength.js';
export * from './avatar.js';
export * from './zoned-time.js';
