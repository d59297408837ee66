import { NS, walkXml } from './xml';

// The shared string table (xl/sharedStrings.xml, CT_Sst, 18.4.9). An item is plain text (<t>) or rich text
// (runs of <r><t>); phonetic guides (<rPh>, furigana and pinyin) are reading aids, not the cell's text.

/** Collects the cell text of <t> elements inside `container` elements, leaving out phonetic runs. */
export class RunText {
  private depthIn = -1;
  private phonetic = 0;
  private inT = false;
  private buffer = '';

  constructor(private readonly container: string) {}

  /** Called for each opening element; true while inside a container. */
  open(uri: string, local: string, depth: number): void {
    if (uri !== NS.main) return;
    if (local === this.container && this.depthIn < 0) {
      this.depthIn = depth;
      this.buffer = '';
    } else if (this.depthIn >= 0) {
      if (local === 'rPh') this.phonetic++;
      else if (local === 't' && this.phonetic === 0) this.inT = true;
    }
  }

  text(t: string): void {
    if (this.inT) this.buffer += t;
  }

  /** Called for each closing element; returns the container's text when the container closes. */
  close(uri: string, local: string, depth: number): string | null {
    if (uri !== NS.main || this.depthIn < 0) return null;
    if (local === 't') this.inT = false;
    else if (local === 'rPh') this.phonetic--;
    else if (local === this.container && depth === this.depthIn) {
      this.depthIn = -1;
      return this.buffer;
    }
    return null;
  }
}

export function readSharedStrings(text: string | null, part: string): string[] {
  if (text === null) return [];
  const out: string[] = [];
  const run = new RunText('si');
  walkXml(text, part, {
    open: (el) => run.open(el.uri, el.local, el.depth),
    text: (t) => run.text(t),
    close: (el) => {
      const s = run.close(el.uri, el.local, el.depth);
      if (s !== null) out.push(s);
    },
  });
  return out;
}
