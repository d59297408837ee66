import {
  commandHandler,
  COMMAND_IDS,
  registerCommands,
  type CommandDeps,
  type CommandId,
} from '../../src/addin/commands/commands';
import { publish, recentNotices, subscribe, type Notice } from '../../src/addin/shared/notices';
import { stringsFor } from '../../src/addin/taskpane/i18n';

function deps(): CommandDeps & { notices: Omit<Notice, 'at'>[]; shown: number } {
  const d = {
    notices: [] as Omit<Notice, 'at'>[],
    shown: 0,
    strings: stringsFor('zh'),
    report: (n: Omit<Notice, 'at'>) => void d.notices.push(n),
    showTaskpane: async () => {
      d.shown++;
    },
  };
  return d;
}

const event = () => ({ completed: jest.fn() });

describe('ribbon commands', () => {
  it('complete the event after a successful action and report its findings', async () => {
    const d = deps();
    const e = event();
    const run = jest.fn(async () => ({
      message: '已计算 3 个案例',
      findings: [
        { severity: 'error', message: '超出范围', cell: "'初评-E01'!F7" },
        { severity: 'warning', message: '偏离均分' },
      ],
    }));
    await commandHandler('computeGrades', run, d)(e);
    expect(run).toHaveBeenCalledTimes(1);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(d.notices).toEqual([
      { kind: 'warning', title: '计算等级', message: '已计算 3 个案例（错误 1 项，提示 1 项）' },
    ]);
    expect(d.shown).toBe(0);
  });

  it('complete the event even when the action fails, and open the pane with the reason', async () => {
    const d = deps();
    const e = event();
    await commandHandler('makeNotices', () => Promise.reject(new Error('尚未实现')), d)(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
    expect(d.notices).toEqual([{ kind: 'error', title: '生成公示与通知', message: '尚未实现' }]);
    expect(d.shown).toBe(1);
  });

  it('complete the event when even showing the pane fails', async () => {
    const d = { ...deps(), showTaskpane: () => Promise.reject(new Error('no pane')) };
    const e = event();
    await commandHandler('auditWorkbook', () => Promise.reject('plain text'), d)(e);
    expect(e.completed).toHaveBeenCalledTimes(1);
  });

  it('associate exactly the three command ids with the implementations given', async () => {
    const handlers = new Map<string, (event: { completed(): void }) => void>();
    const calls: CommandId[] = [];
    const impl = Object.fromEntries(COMMAND_IDS.map((id) => [id, async () => void calls.push(id)])) as Record<
      CommandId,
      () => Promise<unknown>
    >;
    registerCommands((id, h) => handlers.set(id, h), impl, deps());
    expect([...handlers.keys()]).toEqual(['computeGrades', 'makeNotices', 'auditWorkbook']);
    const e = event();
    handlers.get('auditWorkbook')!(e);
    await new Promise((r) => setTimeout(r, 0));
    expect(calls).toEqual(['auditWorkbook']);
    expect(e.completed).toHaveBeenCalled();
  });
});

describe('notices between the commands and the task pane', () => {
  it('reach subscribers and are kept for a pane that opens later', () => {
    const seen: Notice[] = [];
    const stop = subscribe((n) => seen.push(n));
    publish({ kind: 'error', title: '计算等级', message: 'A' });
    stop();
    publish({ kind: 'success', title: '计算等级', message: 'B' });
    expect(seen.map((n) => n.message)).toEqual(['A']);
    expect(
      recentNotices()
        .slice(-2)
        .map((n) => n.message),
    ).toEqual(['A', 'B']);
  });
});
