import { execFile, execFileSync } from 'node:child_process';
import { XMLParser } from 'fast-xml-parser';

// poppler's pdftotext -bbox gives every word of a PDF with its box in points: what a printed page shows, and where.

export interface PdfWord {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface PdfPage {
  number: number;
  width: number;
  height: number;
  words: PdfWord[];
}

let available: boolean | null = null;

export function popplerAvailable(): boolean {
  if (available === null) {
    try {
      execFileSync('pdftotext', ['-v'], { stdio: 'ignore', timeout: 30000 });
      available = true;
    } catch {
      available = false;
    }
  }
  return available;
}

/** The words of every page of a PDF, as pdftotext -bbox reports them. */
export function pdfPages(pdf: string): Promise<PdfPage[]> {
  return new Promise((resolve, reject) => {
    execFile('pdftotext', ['-bbox', pdf, '-'], { maxBuffer: 512 * 1024 * 1024 }, (err, stdout) => {
      if (err) return reject(err);
      const doc = new XMLParser({
        ignoreAttributes: false,
        attributeNamePrefix: '',
        isArray: (n) => n === 'page' || n === 'word',
      }).parse(stdout);
      const pages = (doc.html.body.doc.page ?? []) as {
        width: string;
        height: string;
        word?: Record<string, string>[];
      }[];
      resolve(
        pages.map((p, i) => ({
          number: i + 1,
          width: Number(p.width),
          height: Number(p.height),
          words: (p.word ?? []).map((w) => ({
            text: String(w['#text'] ?? ''),
            xMin: Number(w.xMin),
            yMin: Number(w.yMin),
            xMax: Number(w.xMax),
            yMax: Number(w.yMax),
          })),
        })),
      );
    });
  });
}

const WIDE = /^[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+$/u;

/**
 * The point size a word is printed at, for words of Chinese characters (square, as wide as their size): its width
 * divided by its characters. Null for other words, whose width says less about their size.
 */
export function printedSize(w: PdfWord): number | null {
  const chars = [...w.text];
  if (chars.length < 2 || !WIDE.test(w.text)) return null;
  return (w.xMax - w.xMin) / chars.length;
}

/** Pairs of words on a page whose boxes overlap by more than `share` of the smaller one: text printed over text. */
export function overlappingWords(page: PdfPage, share = 0.3): [PdfWord, PdfWord][] {
  const words = [...page.words].sort((a, b) => a.xMin - b.xMin);
  const out: [PdfWord, PdfWord][] = [];
  for (let i = 0; i < words.length; i++) {
    const a = words[i]!;
    for (let j = i + 1; j < words.length && words[j]!.xMin < a.xMax; j++) {
      const b = words[j]!;
      const w = Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);
      const h = Math.min(a.yMax, b.yMax) - Math.max(a.yMin, b.yMin);
      if (w <= 0 || h <= 0) continue;
      const smaller = Math.min((a.xMax - a.xMin) * (a.yMax - a.yMin), (b.xMax - b.xMin) * (b.yMax - b.yMin));
      if (w * h > share * smaller) out.push([a, b]);
    }
  }
  return out;
}

/**
 * The text of every page in reading order (pdftotext's default mode), as printed: text a cell clips is not in it.
 * (The -bbox mode loses some words of lines that mix scripts, so presence is checked on this text.)
 */
export function pdfPageTexts(pdf: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile('pdftotext', [pdf, '-'], { maxBuffer: 512 * 1024 * 1024 }, (err, stdout) => {
      if (err) reject(err);
      else resolve(stdout.split('\f').slice(0, -1));
    });
  });
}
