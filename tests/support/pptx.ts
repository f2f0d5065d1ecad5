// Reads a .pptx back for tests: each slide's shapes (name, id, text), its animations and its notes, from the XML.
import { readFileSync } from 'node:fs';
import { strFromU8, unzipSync } from 'fflate';

export interface PptxShape {
  id: number;
  name: string;
  /** The shape's paragraphs, each the text of its runs. */
  paragraphs: string[];
  text: string;
  xml: string;
}

export interface PptxSlide {
  xml: string;
  shapes: PptxShape[];
  /** Shape ids shown by click effects, in order. */
  clickTargets: number[];
  notesXml: string;
  /** The notes' paragraphs as text. */
  notes: string[];
}

export interface PptxFile {
  files: Record<string, Uint8Array>;
  text: (path: string) => string;
  slides: PptxSlide[];
}

export function readPptx(file: string): PptxFile {
  const files = unzipSync(readFileSync(file));
  const text = (path: string) => {
    const entry = files[path];
    if (!entry) throw new Error(`${file} has no ${path}`);
    return strFromU8(entry);
  };
  const count = Object.keys(files).filter((path) => /^ppt\/slides\/slide\d+\.xml$/.test(path)).length;
  const slides = Array.from({ length: count }, (_, i) => {
    const xml = text(`ppt/slides/slide${i + 1}.xml`);
    const notesXml = text(`ppt/notesSlides/notesSlide${i + 1}.xml`);
    const notesBody = /name="Notes Placeholder \d+"\/>[\s\S]*?<p:txBody>([\s\S]*?)<\/p:txBody>/.exec(notesXml)?.[1] ?? '';
    return {
      xml,
      shapes: [...xml.matchAll(/<p:(sp|pic)>([\s\S]*?)<\/p:\1>/g)].map(([whole]) => {
        const [, id, name] = /<p:cNvPr id="(\d+)" name="([^"]*)"/.exec(whole) ?? [];
        const paragraphs = paragraphTexts(whole);
        return { id: Number(id), name: decode(name ?? ''), paragraphs, text: paragraphs.join('\n'), xml: whole };
      }),
      clickTargets: [...xml.matchAll(/nodeType="clickEffect"[\s\S]*?<p:spTgt spid="(\d+)"\/>/g)].map((m) => Number(m[1])),
      notesXml,
      notes: paragraphTexts(notesBody),
    };
  });
  return { files, text, slides };
}

function paragraphTexts(xml: string): string[] {
  return [...xml.matchAll(/<a:p>([\s\S]*?)<\/a:p>/g)].map(([, p]) => [...p!.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, t]) => decode(t!)).join(''));
}

function decode(text: string): string {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}
