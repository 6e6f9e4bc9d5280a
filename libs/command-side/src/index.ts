export * from './command-envelope.js';
export * from './command-ids.js';
export * from './command-executor.js';
export * from './execute-domain-command.js';
export * from './require-project.js';
export * from './require-organisation.js';
export * from './command-side-core.module.js';
export { COMMAND_SIDE_ERROR_REASONS, type CommandSideReason } from './command-side.reasons.js';
