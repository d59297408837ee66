/** Bilingual label: Chinese is the primary language of every user of the product. */
export interface Text {
  zh: string;
  en: string;
}

export type BandLevel = 'excellent' | 'good' | 'fair';

/** One scoring band of an item (评分细则). Bounds are inclusive and kept as decimal strings. */
export interface Band {
  level: BandLevel;
  min: string;
  max: string;
  rule: string;
}

export interface RubricItem {
  id: string;
  group: string;
  name: Text;
  /** Maximum score, also the item's reference weight in percent (Appendix B: 10 points = 10%). */
  max: string;
  bands: Band[];
  /** 考评办法: the evidence the expert checks. */
  evidence: string;
}

export interface RubricGroup {
  id: string;
  name: Text;
  /** Maximum of the group = its reference weight in percent. */
  max: string;
  items: string[];
}

/** A bonus clause (注 of Appendix B): where a case qualifies, the expert may score in [min, max]. */
export interface BonusClause {
  id: string;
  /** The item id, or a group id when the clause bounds a whole group's total. */
  target: string;
  targetKind: 'item' | 'group';
  min: string;
  max: string;
  label: Text;
  /** The note as the standard words it. */
  text: string;
}

export interface Rubric {
  id: string;
  title: Text;
  total: string;
  groups: RubricGroup[];
  items: RubricItem[];
  bonuses: BonusClause[];
}

export const BAND_LABEL: Record<BandLevel, Text> = {
  excellent: { zh: '优秀', en: 'Excellent' },
  good: { zh: '良好', en: 'Good' },
  fair: { zh: '一般', en: 'Fair' },
};
