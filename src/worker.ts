import { parentPort, workerData } from 'node:worker_threads';
import type { AnalyzeOptions } from './analyze';
import { analyzeStory } from './analyze';
import { FramelensError } from './errors';
import { runTask, WARM_UP, type PoolReply, type PoolTask } from './parallel';

/**
 * Worker-thread entry of the analysis pool (see `parallel.ts`): loads its own wink model, then
 * analyses the stories or articles it is sent and posts each result back with the task's id.
 */
const port = parentPort;
if (port) {
  const options = (workerData as { options?: AnalyzeOptions } | undefined)?.options ?? {};
  analyzeStory(WARM_UP, options); // load the model and compile the lexicons before the first task
  port.on('message', (task: PoolTask) => {
    let reply: PoolReply;
    try {
      reply = runTask(task, options);
    } catch (error) {
      // A typed error stays typed across the thread: its code, message and place travel as data.
      const failure = error instanceof FramelensError ? error.toJSON() : undefined;
      reply = { id: task.id, error: { message: (error as Error).message, stack: (error as Error).stack ?? '', ...(failure ? { failure } : {}) } };
    }
    try {
      port.postMessage(reply);
    } catch (error) {
      // A reply that cannot cross fails its task, not the worker and every task after it.
      port.postMessage({ id: task.id, error: { message: `the result could not be sent back: ${(error as Error).message}`, stack: (error as Error).stack ?? '' } } satisfies PoolReply);
    }
  });
  port.postMessage({ ready: true });
}
