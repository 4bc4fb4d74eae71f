/**
 * The names of an output folder, light enough for the input walker to load (it skips output
 * folders): the tool's own folder, the datasets, and the other names it writes at the top.
 */
export const TOOL_DIR = '.extract';
/** The resume state of the layout before generation folders: it marks an output folder too. */
export const LEGACY_STATE = ['.extract-state', '.extract-state.partial', '.extract-state.partial.resuming'] as const;
export const DATASETS = ['documents', 'facts', 'summary', 'org_units', 'glossary', 'diagnostics', 'table_cells', 'tables', 'panel'] as const;
/** Datasets built once a run has every document (across documents): written at its end. */
export const RUN_DATASETS = ['organisations', 'links'] as const;
export const FORMATS = ['csv', 'json', 'jsonl', 'parquet'] as const;
const OTHERS = ['datapackage.json', 'load.sql', 'report.html', 'report'];

/** Every name the tool may write at the top of an output folder, whatever the format. */
export function topLevelNames(): string[] {
  return [...[...DATASETS, ...RUN_DATASETS].flatMap((d) => FORMATS.map((f) => `${d}.${f}`)), ...OTHERS];
}

/** The names a run of a format writes at the top of the output folder. */
export function namesFor(format: string): string[] {
  return [...[...DATASETS, ...RUN_DATASETS].map((d) => `${d}.${format}`), ...OTHERS];
}

const own = new Set(topLevelNames());
/** Whether a name at the top of an output folder is one the tool writes. */
export const isOwnName = (name: string): boolean => own.has(name);
