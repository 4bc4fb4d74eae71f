/** For `.catch`: a file that is not there becomes `fallback`; any other error stays an error. */
export function whenMissing<T>(fallback: T): (err: NodeJS.ErrnoException) => T {
  return (err) => {
    if (err.code === 'ENOENT') return fallback;
    throw err;
  };
}
