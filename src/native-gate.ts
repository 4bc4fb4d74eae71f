/**
 * Ending a worker thread while it runs inside nodejieba aborts the whole process ("terminate
 * called after throwing an instance of 'Napi::Error'"): once the thread is told to stop, the
 * addon's next call into Node fails, and node-addon-api, built without
 * NODE_API_SWALLOW_UNTHROWABLE_EXCEPTIONS, throws a C++ exception nothing catches. So a worker
 * enters the addon (loading it, loading a dictionary, cutting a span) only through its gate, a
 * word of shared memory, and the pool ends a worker only after closing its gate, which waits
 * while the worker is inside. The swap is atomic: the worker never enters after the pool has
 * closed the gate, and the pool never closes it while the worker is inside.
 */

const OPEN = 0;
const INSIDE = 1;
const CLOSED = 2;

/** One worker's gate, shared between the pool and the worker. */
export type Gate = Int32Array;

export function createGate(): Gate {
  return new Int32Array(new SharedArrayBuffer(4));
}

/** The gate of this thread (the pool gives each worker its own); without one, native calls go straight in. */
let current: Gate | null = null;

export function useGate(gate: Gate | null): void {
  current = gate;
}

/** Raised in a worker that is being ended, instead of entering native code. */
export class StoppingError extends Error {
  constructor() {
    super('the worker is being stopped');
    this.name = 'StoppingError';
  }
}

/** Runs `native` inside the gate: not at all once the gate is closed. */
export function throughGate<T>(native: () => T): T {
  const gate = current;
  if (!gate) return native();
  if (Atomics.compareExchange(gate, 0, OPEN, INSIDE) !== OPEN) throw new StoppingError();
  try {
    return native();
  } finally {
    Atomics.store(gate, 0, OPEN);
  }
}

/**
 * Closes a worker's gate for good, once the worker is out of native code (it may then be ended
 * safely), or at once when the worker is already gone (`gone`: it may have died inside).
 */
export async function closeGate(gate: Gate, gone: () => boolean): Promise<void> {
  for (let wait = 1; Atomics.compareExchange(gate, 0, OPEN, CLOSED) === INSIDE && !gone(); wait = Math.min(wait * 2, 16)) {
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}
