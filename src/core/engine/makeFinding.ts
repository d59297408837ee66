import { SEVERITY, type Finding, type FindingCode, type Lang } from './findings';
import { message, type MessageContext } from './messages';

/** A finding with its message, for problems found outside the engine (a workbook's structure). */
export function makeFinding(
  code: FindingCode,
  ctx: MessageContext,
  extra: { item?: string; cell?: string },
  lang: Lang = 'zh',
): Finding {
  return {
    severity: SEVERITY[code],
    code,
    round: ctx.round,
    expert: ctx.expert,
    case: ctx.case,
    ...(extra.item !== undefined ? { item: extra.item } : {}),
    ...(extra.cell !== undefined ? { cell: extra.cell } : {}),
    message: message(code, ctx, lang),
  };
}
