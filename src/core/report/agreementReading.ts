import { toDecimal } from '../exact/decimal';
import type { Lang } from '../engine/findings';

// Kendall's W in plain words, by the bands expert panels (Delphi studies) commonly read it with. For the panel's
// discussion only: nothing here changes a score or a grade.

const READINGS: { from: string; zh: string; en: string }[] = [
  { from: '0.7', zh: '专家排序高度一致', en: 'the experts order the cases closely alike' },
  { from: '0.5', zh: '专家排序较为一致', en: 'the experts order the cases fairly alike' },
  {
    from: '0.3',
    zh: '专家排序一致性一般，建议讨论分歧较大的案例',
    en: 'moderate agreement: discuss the cases they differ on',
  },
  { from: '0', zh: '专家排序分歧较大，建议逐案讨论', en: 'weak agreement: discuss the cases one by one' },
];

/** What a W (as the engine's JSON gives it, "0.7132" or null) says. */
export function readingOfW(w: string | null, lang: Lang = 'zh', size?: { experts: number; cases: number }): string {
  // With two experts and two cases W is undefined only when every expert gave every case the same total.
  if (w === null && size && size.experts >= 2 && size.cases >= 2)
    return lang === 'en'
      ? 'cannot be computed: each expert gave every case the same total, so there is no ranking to compare'
      : '无法计算：每位专家给各案例的总分都相同，没有排序可比较';
  if (w === null)
    return lang === 'en'
      ? 'cannot be computed: fewer than two experts scored every case, or fewer than two cases'
      : '无法计算：评完全部案例的专家少于两位，或案例少于两个';
  const x = toDecimal(w)!;
  const band = READINGS.find((b) => x.gte(b.from))!;
  return band[lang];
}

/** What an expert's leniency ("+2.35", "-1.50", "0.00" or null) says. */
export function readingOfLeniency(l: string | null, lang: Lang = 'zh'): string {
  const en = lang === 'en';
  if (l === null)
    return en ? 'no case to compare (no other expert scored it)' : '无可比较的案例（没有其他专家评同一案例）';
  if (l === '0.00') return en ? 'level with the other experts' : '与其他专家持平';
  const points = l.slice(1);
  if (l.startsWith('-'))
    return en ? `${points} below the others on average (strict)` : `比其他专家平均低 ${points} 分（偏严）`;
  return en ? `${points} above the others on average (lenient)` : `比其他专家平均高 ${points} 分（偏宽）`;
}
