import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { closeGate, createGate, StoppingError, throughGate, useGate } from '../src/native-gate.js';

const tick = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the gate around native code', () => {
  afterEach(() => useGate(null));

  it('lets native calls straight in on a thread without a gate', () => {
    expect(throughGate(() => 42)).toBe(42);
  });

  it('is closed only once the thread is out of native code, and then keeps it out', async () => {
    const gate = createGate();
    useGate(gate);
    let closed = false;
    throughGate(() => {
      void closeGate(gate, () => false).then(() => {
        closed = true;
      });
    });
    expect(closed).toBe(false);
    await tick(40);
    expect(closed).toBe(true);
    expect(() => throughGate(() => 1)).toThrow(StoppingError);
  });

  it('does not wait for a thread that is gone, even one that died inside', async () => {
    // a worker that ends its thread from inside the gate: the gate stays taken for good
    const gate = createGate();
    const worker = new Worker(
      `const { workerData } = require('node:worker_threads');
       import(workerData.gateModule).then(({ useGate, throughGate }) => {
         useGate(workerData.gate);
         throughGate(() => process.exit(0));
       });`,
      { eval: true, workerData: { gate, gateModule: new URL('../dist/native-gate.js', import.meta.url).href } },
    );
    let exited = false;
    await new Promise((resolve) => worker.once('exit', resolve));
    exited = true;
    await expect(Promise.race([closeGate(gate, () => exited).then(() => 'closed'), tick(2000).then(() => 'still waiting')])).resolves.toBe('closed');
  });
});
