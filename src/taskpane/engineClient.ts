/**
 * The pane's engine: checks run in a Web Worker (engine.worker.ts, its own chunk), so a sheet of many
 * tables never freezes the pane. Where a worker cannot start (a host that forbids them), the engine runs
 * in the pane's thread as before.
 */
import { type HostEngine, inThread } from '../core/annotate/run';
import type { EngineMessage, EngineRequest } from './engine.worker';
import { userWords } from '../core/recognise/vocabulary';

interface Pending {
  readonly resolve: (r: Extract<EngineMessage, { result: unknown }>['result']) => void;
  readonly reject: (e: Error) => void;
  readonly progress?: (tables: number) => void;
  /** The same check in the pane's thread, should the worker fail. */
  readonly inThread: () => void;
}

function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./engine.worker.ts', import.meta.url), { name: 'engine' });
  } catch {
    return null;
  }
}

export function workerEngine(): HostEngine {
  let worker: Worker | null | undefined;
  let next = 0;
  const pending = new Map<number, Pending>();
  // A worker that fails (its script blocked, out of memory) is not tried again; its checks run here.
  const failAll = () => {
    worker = null;
    for (const p of pending.values()) p.inThread();
    pending.clear();
  };
  const get = (): Worker | null => {
    if (worker !== undefined) return worker;
    worker = startWorker();
    if (worker) {
      worker.onmessage = (e: MessageEvent<EngineMessage>) => {
        const p = pending.get(e.data.id);
        if (!p) return;
        if ('progress' in e.data) p.progress?.(e.data.progress);
        else {
          pending.delete(e.data.id);
          if ('result' in e.data) p.resolve(e.data.result);
          else p.reject(new Error(e.data.error));
        }
      };
      worker.onerror = () => failAll();
    }
    return worker;
  };
  return (now, state, options, progress) => {
    const w = get();
    if (!w) return inThread(now, state, options, progress);
    const id = ++next;
    const request: EngineRequest = { id, now: { grid: now.grid, notes: now.notes, threaded: now.threaded }, state, options, words: userWords() };
    return new Promise((resolve, reject) => {
      pending.set(id, { resolve, reject, progress, inThread: () => void inThread(now, state, options, progress).then(resolve, reject) });
      w.postMessage(request);
    });
  };
}
