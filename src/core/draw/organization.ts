// Organisations compared as a secretariat compares them (E.1 recusal, limits per organisation): the same name
// written with spaces or full-width characters, or with or without its legal form (有限公司, 股份有限公司 …), is
// the same organisation; a different name is a different one (南方钢铁集团 is not 北方钢铁集团, and 北方钢铁研究院
// is not 北方钢铁集团).

/** Legal forms at the end of a name, longest first, so 股份有限公司 goes before 有限公司. */
const LEGAL_FORMS = [
  '股份有限公司',
  '有限责任公司',
  '有限公司',
  '股份公司',
  '(特殊普通合伙)',
  '(普通合伙)',
  '(有限合伙)',
  '公司',
  'co.,ltd.',
  'co.,ltd',
  'co.ltd.',
  'co.ltd',
  'company limited',
  'companylimited',
  'limited',
  'ltd.',
  'ltd',
  'inc.',
  'inc',
  'llc',
  'corporation',
  'corp.',
  'corp',
];

/** The organisation's name as compared: full-width forms folded (NFKC), spaces gone, legal forms left off. */
export function organizationKey(name: string): string {
  const key = name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s\u3000]+/g, '');
  // The longest legal form the name ends with is left off, once; a name that is only a legal form stays.
  for (const form of FORMS) {
    if (key === form) return key;
    if (key.endsWith(form)) return key.slice(0, -form.length).replace(/[,.，、]+$/, '');
  }
  return key;
}

const FORMS = LEGAL_FORMS.map((f) => f.replace(/\s+/g, '')).sort((a, b) => b.length - a.length);

/** Whether two organisation names name the same organisation; an empty name is nobody's. */
export function sameOrganization(a: string, b: string): boolean {
  const ka = organizationKey(a);
  return ka !== '' && ka === organizationKey(b);
}
