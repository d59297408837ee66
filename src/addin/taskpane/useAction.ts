import { useCallback, useEffect, useRef, useState } from 'react';
import { errorText } from './actions';

export type ActionState<T> =
  { status: 'idle' } | { status: 'busy' } | { status: 'done'; result: T } | { status: 'failed'; error: string };

/**
 * The state of one task pane action: idle, busy while it runs, then its result or its error. A second run while
 * one is busy is ignored, so a double click never starts the same workbook change twice.
 */
export function useAction<T>(): {
  state: ActionState<T>;
  busy: boolean;
  run: (work: () => Promise<T>) => Promise<void>;
} {
  const [state, setState] = useState<ActionState<T>>({ status: 'idle' });
  const busy = useRef(false);
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const run = useCallback(async (work: () => Promise<T>) => {
    if (busy.current) return;
    busy.current = true;
    setState({ status: 'busy' });
    try {
      const result = await work();
      if (mounted.current) setState({ status: 'done', result });
    } catch (e) {
      if (mounted.current) setState({ status: 'failed', error: errorText(e) });
    } finally {
      busy.current = false;
    }
  }, []);

  return { state, busy: state.status === 'busy', run };
}
