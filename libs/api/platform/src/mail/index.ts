export * from './render-email.js';
export * from './unsubscribe.js';
export * from './mailer.js';
export * from './mail-backlog.resolver.js';
export * from './link-page.js';
