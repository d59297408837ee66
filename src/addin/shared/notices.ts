// Messages from the ribbon commands to the task pane. The two run in the same shared runtime but are separate
// webpack entries with separate module instances, so the channel lives on globalThis, not in a module variable.

export type NoticeKind = 'success' | 'warning' | 'error';

export interface Notice {
  kind: NoticeKind;
  title: string;
  message: string;
  /** ms since the epoch, for ordering and for a key. */
  at: number;
}

type Listener = (notice: Notice) => void;

interface Channel {
  listeners: Set<Listener>;
  recent: Notice[];
}

const KEY = '__ceeasNotices';
/** Enough to show what happened while the task pane was hidden, small enough to never matter. */
const KEEP = 10;

function channel(): Channel {
  const g = globalThis as unknown as Record<string, Channel | undefined>;
  return (g[KEY] ??= { listeners: new Set(), recent: [] });
}

export function publish(notice: Omit<Notice, 'at'>): Notice {
  const c = channel();
  const full = { ...notice, at: Date.now() };
  c.recent = [...c.recent, full].slice(-KEEP);
  for (const l of [...c.listeners]) l(full);
  return full;
}

/** Calls `listener` for every later notice; returns the unsubscribe function. */
export function subscribe(listener: Listener): () => void {
  const c = channel();
  c.listeners.add(listener);
  return () => c.listeners.delete(listener);
}

/** The last notices, oldest first. */
export function recentNotices(): Notice[] {
  return [...channel().recent];
}
