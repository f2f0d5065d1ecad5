// pptxgenjs, loaded as the CommonJS module it ships: its type declarations name a default export that an ES
// import under Node's module resolution does not see the same way, so the class is required and the types
// are taken from the declarations' default.
import { createRequire } from 'node:module';
import type PptxModule from 'pptxgenjs';

export type Presentation = PptxModule.default;
export type PptxSlide = PptxModule.default.Slide;
export type TextProps = PptxModule.default.TextProps;

export const PptxGenJS = createRequire(import.meta.url)('pptxgenjs') as typeof PptxModule.default;
