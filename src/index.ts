export { extractText, type Extraction } from './extract.js';
export { run, processFile, collectInputs, type RunOptions, type RunSummary } from './run.js';
export * from './schema.js';
