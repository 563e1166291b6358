export * from './cursor.js';
export * from './page.js';
export * from './connection.js';
export * from './page-info.model.js';
export * from './page.args.js';
