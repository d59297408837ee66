import type { WorkbookSpec } from '../../workbook/model';
import { passwordProtectionTag } from './package/sheetPassword';
import { XlsxPackage } from './package/xlsxPackage';

// A whole new workbook from its description: an empty package, every sheet written into it in the workbook's
// order, each protected sheet protected with the workbook's password (hashed once), or with the password hash of
// another workbook (an expert's copy is protected like the master, whose password the command never sees).

export async function specToBytes(
  spec: WorkbookSpec,
  options: { protection?: string | null } = {},
): Promise<Uint8Array> {
  const pkg = XlsxPackage.empty(spec.title);
  const protection = options.protection ?? (spec.password ? passwordProtectionTag(spec.password) : null);
  // In the order of the description: an expert opens their own sheet first, then the rubric.
  pkg.putSheets(spec.sheets, spec.styles, { protection });
  return pkg.save();
}
