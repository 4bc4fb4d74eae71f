/** The largest input read, in bytes: a larger file is a failed row, whatever `stat` said of it. */
export const MAX_BYTES = 64 * 1024 * 1024;
