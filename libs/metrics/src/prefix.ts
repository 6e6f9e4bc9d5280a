/** Every metric of the platform's own starts with this; process and Node.js metrics keep their usual names. */
export const METRIC_PREFIX = 'coproduction_';
