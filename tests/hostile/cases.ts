// The hostile-input cases: each a command run in a sandbox (tests/hostile/sandbox.ts) and what it must print.
// tests/hostile/hostile.test.ts runs them; tests/diagnostics/codes.test.ts counts them as fixtures of their codes
// and takes docs/errors.md's examples of usage and environment errors from them.
import { appendFileSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Sandbox } from './sandbox.js';

const ESC = '\u001b';
const BEL = '\u0007';

export interface HostileCase {
  name: string;
  /** The diagnostic code the command must report. */
  code: string;
  /** Changes the sandbox before the run (links, files); runs in `project/`. */
  setup?: (sb: Sandbox) => void;
  args: (sb: Sandbox) => string[];
  exit: 0 | 1 | 2;
  /** Text the message must contain. */
  message: string | RegExp;
  /** `file:line:col` of a content problem, relative to the project. */
  position?: string;
  hint: string | RegExp;
  /** Text that must not reach the output (something read from outside). */
  secret?: string;
}

const card = (title: string, extra = '') => `---\ntitle: ${title}\nminutes: 10\n---\n\n? Hvad nu?\n\n?! Hvad kan I gøre?\n${extra}\n::: notes\nNoter.\n:::\n`;

export const HOSTILE_CASES: HostileCase[] = [
  // Deck names that climb out of the project.
  {
    name: 'a deck id with ../ that names a folder outside',
    code: 'E_DECK_ID', args: () => ['build', '../outside/victim'], exit: 2,
    message: '"../outside/victim" is not a deck id', hint: 'name a deck in slides/ by its id (e.g. sociale-medier), or a manifest inside the project',
  },
  {
    name: 'a manifest path outside the project',
    code: 'E_DECK_OUTSIDE', args: () => ['build', '../outside/victim.yaml'], exit: 2,
    message: /"\.\.\/outside\/victim\.yaml" is outside the project folder/, hint: /name a deck in slides\//,
  },
  {
    name: 'an absolute manifest path outside the project, to pdf (told before any browser starts)',
    code: 'E_DECK_OUTSIDE', args: (sb) => ['pdf', join(sb.outside, 'victim.yaml')], exit: 2,
    message: /is outside the project folder/, hint: /name a deck in slides\//,
  },
  {
    name: 'record --deck outside the project',
    code: 'E_DECK_ID',
    setup: (sb) => writeFileSync(join(sb.project, 'aftaler.md'), '---\nsamtale: record\ndeck: "testdaek"\nseminar: "2027-03-02"\n---\n'),
    args: () => ['record', 'aftaler.md', '--deck', '../../outside/victim'], exit: 2,
    message: '"../../outside/victim" is not a deck id', hint: /name a deck in slides\//,
  },
  {
    name: 'extends: ../ out of the project',
    code: 'E_EXTENDS_OUTSIDE',
    setup: (sb) => writeFileSync(join(sb.project, 'slides', 'testdaek.yaml'), 'extends: ../../outside/victim\ntitle: Udenfor\n'),
    args: () => ['build'], exit: 1,
    message: 'manifest: "extends: ../../outside/victim" reaches outside the project folder', position: 'slides/testdaek.yaml:1:10',
    hint: 'extend a deck in slides/ by its id, e.g. "extends: sociale-medier"',
  },
  // Links resolved before the containment check.
  {
    name: 'a logo that is a link to a file outside',
    code: 'E_MEDIA_OUTSIDE_PROJECT',
    setup: (sb) => {
      symlinkSync(join(sb.outside, 'secret.svg'), join(sb.project, 'content', 'logo-link.svg'));
      appendFileSync(join(sb.project, 'slides', 'testdaek.yaml'), 'branding:\n  logo: ../content/logo-link.svg\n');
    },
    args: () => ['build'], exit: 1,
    message: /logo "\.\.\/content\/logo-link\.svg" points outside the project folder through a link to .*secret\.svg/, position: 'slides/testdaek.yaml:14:9',
    hint: 'put it in the project, e.g. content/<municipality>/, not a link', secret: 'SECRET-LOGO',
  },
  {
    name: 'a video that is a link to a file outside',
    code: 'E_MEDIA_OUTSIDE_PROJECT',
    setup: (sb) => {
      mkdirSync(join(sb.project, 'content', 'media'));
      symlinkSync(join(sb.outside, 'secret.mp4'), join(sb.project, 'content', 'media', 'film.mp4'));
      appendFileSync(join(sb.project, 'content', 'velkommen.md'), '\n::: video\nsrc: media/film.mp4\n:::\n');
    },
    args: () => ['build'], exit: 1,
    message: /src "media\/film\.mp4" points outside the project folder through a link/, hint: /not a link/, secret: 'SECRET-VIDEO-BYTES',
  },
  {
    name: 'a card that is a link to a file outside: named, never shown',
    code: 'E_FILE_OUTSIDE_PROJECT',
    setup: (sb) => symlinkSync(join(sb.outside, 'secret.md'), join(sb.project, 'content', 'laant.md')),
    args: () => ['check'], exit: 1,
    message: /content\/laant\.md is a link to .*secret\.md, outside the project folder; it is not read/, position: 'content/laant.md:1:1',
    hint: 'copy the file into the project instead of linking to it', secret: 'SECRET-',
  },
  {
    name: 'a folder of cards that is a link outside',
    code: 'E_FILE_OUTSIDE_PROJECT',
    setup: (sb) => symlinkSync(sb.outside, join(sb.project, 'content', 'ekstern')),
    args: () => ['build'], exit: 1,
    message: /content\/ekstern is a link to .*outside, outside the project folder/, position: 'content/ekstern:1:1',
    hint: /copy the file into the project/, secret: 'SECRET-',
  },
  {
    name: 'a manifest that is a link to one outside',
    code: 'E_FILE_OUTSIDE_PROJECT',
    setup: (sb) => symlinkSync(join(sb.outside, 'victim.yaml'), join(sb.project, 'slides', 'laant.yaml')),
    args: () => ['build', 'laant'], exit: 1,
    message: /slides\/laant\.yaml is a link to .*victim\.yaml, outside the project folder/, position: 'slides/laant.yaml:1:1',
    hint: 'copy the manifest into slides/ instead of linking to it',
  },
  // Terminal escapes in what is printed back.
  {
    name: 'escape sequences in a card line are shown escaped',
    code: 'E_LINK_NOT_ALLOWED',
    setup: (sb) => writeFileSync(join(sb.project, 'content', 'velkommen.md'), card('Velkommen', `\n? Se [her](javascript:x) ${ESC}[2K${ESC}]0;pwned${BEL}?\n`)),
    args: () => ['check'], exit: 1,
    message: 'link "javascript:x" is not allowed', position: 'content/velkommen.md:10:12',
    hint: /links may only go to/,
  },
  {
    name: 'escape sequences in a deck name on the command line are shown escaped',
    code: 'E_DECK_ID', args: () => ['build', `x${ESC}]0;pwned${BEL}`], exit: 2,
    message: '"x\\x1b]0;pwned\\x07" is not a deck id', hint: /lowercase letters, digits and hyphens/,
  },
  // Records.
  {
    name: 'a record whose front matter has an unclosed quote',
    code: 'E_RECORD_FORMAT',
    setup: (sb) => writeFileSync(join(sb.project, 'aftaler.md'), '---\nsamtale: record\ndeck: "testdaek\nseminar: "2027-03-02"\n---\n'),
    args: () => ['record', 'aftaler.md'], exit: 1,
    message: 'the quoted value on line 3 of the front matter is not closed or not valid', position: 'aftaler.md:3:7',
    hint: 'export the record again from the facilitator view ("Hent Markdown"), or fix the line',
  },
  {
    name: 'a record file of 50 MB is refused before it is read',
    code: 'E_RECORD_TOO_LARGE',
    setup: (sb) => writeFileSync(join(sb.project, 'kaempe.md'), Buffer.alloc(50 * 1024 * 1024, 'a')),
    args: () => ['record', 'kaempe.md'], exit: 1,
    message: /kaempe\.md is 50 MB; a seminar record is a few kilobytes, and at most 1 MB is read/, hint: /downloaded from the facilitator view/,
  },
  {
    name: 'a record of a deck the project does not have',
    code: 'E_RECORD_DECK',
    setup: (sb) => writeFileSync(join(sb.project, 'aftaler.md'), '---\nsamtale: record\ndeck: "ukendt"\nseminar: "2027-03-02"\n---\n'),
    args: () => ['record', 'aftaler.md'], exit: 1,
    message: 'aftaler.md is the record of the deck "ukendt", which is not in', hint: 'name the deck whose branding to use: --deck DECK',
  },
  {
    name: 'a record file that is not there',
    code: 'E_RECORD_READ', args: () => ['record', 'mangler.md'], exit: 1,
    message: /Cannot read .*mangler\.md/, hint: /"Hent Markdown" \/ "Hent JSON"/,
  },
  // Long content, names, and the project around the decks.
  {
    name: 'a question of 20,000 characters',
    code: 'W_TEXT_TOO_LONG',
    setup: (sb) => writeFileSync(join(sb.project, 'content', 'velkommen.md'), card('Velkommen', `\n? ${'Hvad mener I? '.repeat(1430)}\n`)),
    args: () => ['check'], exit: 0,
    message: /card "velkommen": a question is 200\d\d characters; a slide holds about 1000/, position: 'content/velkommen.md:10:1',
    hint: /shorten it, or split it into two questions/,
  },
  {
    name: 'a logo so large that every deck gets heavy',
    code: 'W_LARGE_MEDIA',
    setup: (sb) => {
      writeFileSync(join(sb.project, 'content', 'logo.svg'), `<svg xmlns="http://www.w3.org/2000/svg"><!-- ${'x'.repeat(600 * 1024)} --></svg>`);
      appendFileSync(join(sb.project, 'slides', 'testdaek.yaml'), 'branding:\n  logo: ../content/logo.svg\n');
    },
    args: () => ['check'], exit: 0,
    message: /logo "\.\.\/content\/logo\.svg" is 6\d\d KB; it is inlined into every deck/, position: 'slides/testdaek.yaml:14:9', hint: /much smaller/,
  },
  {
    name: 'a project without manifests',
    code: 'E_NO_DECKS', setup: (sb) => rmSync(join(sb.project, 'slides'), { recursive: true }),
    args: () => ['build'], exit: 1, message: /no deck manifests in/, hint: /create slides\/<deck-id>\.yaml/,
  },
  {
    name: 'several manifests and no default',
    code: 'E_NO_DEFAULT_DECK', setup: (sb) => writeFileSync(join(sb.project, 'slides', 'andet.yaml'), 'title: Andet\ncards:\n  - velkommen\n'),
    args: () => ['build'], exit: 1, message: 'several decks and no default: andet, testdaek', hint: /name the deck, e\.g\. "samtale build andet"/,
  },
  {
    name: 'an adaptation whose file would exist already',
    code: 'E_EXISTS', args: () => ['new', 'Testdaek'], exit: 1, message: 'slides/testdaek.yaml already exists; nothing was written', hint: 'edit it, or choose another name',
  },
  {
    name: 'an adaptation name that gives no id',
    code: 'E_BAD_NAME', args: () => ['new', '!!!'], exit: 1, message: '"!!!" gives no usable deck id', hint: /samtale new "Faxe Kommune"/,
  },
  {
    name: 'a deck that does not exist, with a did-you-mean',
    code: 'E_UNKNOWN_DECK', args: () => ['build', 'testdæk'], exit: 1, message: /no deck "testdæk" in .*slides/, hint: 'did you mean "testdaek"?',
  },
  {
    name: 'a browser that is not there',
    code: 'E_NO_BROWSER', args: () => ['pdf', '--browser', '/nonexistent/chrome'], exit: 1, message: '/nonexistent/chrome', hint: /SAMTALE_BROWSER/,
  },
  {
    name: 'a browser that will not start',
    code: 'E_BROWSER_LAUNCH', args: () => ['pdf', '--handout', '--browser', '/bin/false'], exit: 1,
    message: 'Could not start the browser at /bin/false', hint: 'check that it is a working Chromium or Chrome',
  },
  {
    name: 'an unknown command',
    code: 'E_USAGE', args: () => ['bygg'], exit: 2, message: 'unknown command "bygg"', hint: /samtale --help/,
  },
  {
    name: 'an output folder that is a file',
    code: 'E_WRITE', setup: (sb) => writeFileSync(join(sb.project, 'ud'), 'a file'),
    args: () => ['build', '--out', 'ud'], exit: 1, message: /Could not make the folder .*ud/, hint: 'check that the output folder is writable and has room',
  },
];
