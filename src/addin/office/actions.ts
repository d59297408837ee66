/* global Excel */
import { applySheets } from '../../hosts/office/applySheets';
import { readSheets } from '../../hosts/office/readSheets';
import { auditWorkbook as audit } from '../../workbook/audit';
import { computeWorkbook } from '../../workbook/compute';
import { SHEET } from '../../workbook/names';
import { workbookStyles } from '../../workbook/styles';

// The ribbon's and the task pane's commands on the open workbook: one read batch, the pure engine, one write batch.
// Output sheets that the build protected with the workbook's password are unprotected and protected again with it,
// so commands that rewrite them need the password the secretariat keeps.

function now(): string {
  const d = new Date();
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** 计算等级: validate every expert sheet and write 汇总, 复核, 等级汇总, 公示, 结果通知 and 操作日志. */
export async function computeGrades(context: Excel.RequestContext, password?: string) {
  const data = await readSheets(context);
  const result = computeWorkbook(data, { now: now(), user: 'Excel' });
  await applySheets(context, result.sheets, workbookStyles(result.panel.policy.decimals), password);
  const graded = result.json.cases.filter((c) => c.status === 'graded').length;
  return { message: `已计算 ${result.json.cases.length} 个案例，已评级 ${graded} 个。`, json: result.json };
}

/** 生成公示与通知: the notice and the letters from the workbook as it is now, with a log entry. */
export async function makeNotices(context: Excel.RequestContext, password?: string) {
  const data = await readSheets(context);
  const result = computeWorkbook(data, { now: now(), user: 'Excel', action: '生成公示与通知' });
  const wanted = new Set<string>([SHEET.notice, SHEET.letters, SHEET.log]);
  await applySheets(
    context,
    result.sheets.filter((s) => wanted.has(s.name)),
    workbookStyles(result.panel.policy.decimals),
    password,
  );
  return {
    message: result.period
      ? `公示期 ${result.period.first} 至 ${result.period.last}。`
      : '公示期待定：请填写公示开始日。',
    json: result.json,
  };
}

/** 审计检查: formulas, 汇总 against 复核 and the current scores, inputs since the last computation, the log chain. */
export async function auditWorkbook(context: Excel.RequestContext) {
  const data = await readSheets(context);
  const result = audit(data);
  const errors = result.findings.filter((f) => f.severity === 'error').length;
  return {
    message: errors === 0 ? '审计检查未发现问题。' : `审计检查发现 ${errors} 个问题。`,
    findings: result.findings,
  };
}
