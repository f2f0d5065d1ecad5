// The README of a project made by `samtale init`: in Danish, for the consultant who opens the folder.
import type { BaseDeck } from '../project/samtale-package.js';

export interface ProjectReadme {
  /** The project folder's name. */
  title: string;
  base: BaseDeck;
  /** The base deck's title, e.g. "Sociale medier og lokaldemokrati". */
  baseTitle?: string;
  /** The first adaptation's id, when init wrote one. */
  deckId?: string;
}

export function projectReadme({ title, base, baseTitle, deckId }: ProjectReadme): string {
  const deck = deckId ?? 'faxe';
  const named = baseTitle ? `»${baseTitle}« (\`${base.name}\`)` : `\`${base.name}\``;
  const start = deckId
    ? `npm install                         # henter samtale og finder en browser til PDF'erne
npx samtale build                   # dist/${deckId}/index.html – præsentationen i én fil`
    : `npm install                         # henter samtale og finder en browser til PDF'erne
npx samtale new "Faxe Kommune"      # slides/faxe.yaml: kommunens udgave af dækket
npx samtale build                   # dist/faxe/index.html – præsentationen i én fil`;
  return `# ${title}

Samtalekort og præsentationer til seminarer med kommunalbestyrelser, lavet med samtale. Dækkene bygger på
${named}, som følger med samtale. Kortene kopieres ikke hertil: når samtale opdateres, får alle dæk de
rettede kort, undtagen hvor et dæk selv har ændret netop det punkt.

## Kom i gang

\`\`\`sh
${start}
\`\`\`

Åbn \`dist/${deck}/index.html\` – dobbeltklik, eller kopiér filen til en USB-nøgle. Den virker uden net.

## Det daglige arbejde

\`\`\`sh
npx samtale new "Faxe Kommune"      # slides/faxe.yaml: endnu en kommunes udgave af dækket
npx samtale dev ${deck.padEnd(20)}# dækket i browseren, opdateret mens du retter
npx samtale check                   # tjek alle dæk: fil:linje:kolonne og et forslag
npx samtale build --all             # alle dæk i dist/
npx samtale pdf ${deck.padEnd(20)}# samtalekort, facilitatorguide og slides som PDF
npx samtale pptx ${deck.padEnd(19)}# PowerPoint med facilitatorens noter
npx samtale record aftaler.md       # referatet fra facilitatorvisningen som PDF
\`\`\`

## Mapperne

- \`slides/\` – ét dæk pr. kommune: en YAML-fil med \`extends: ${base.name}\` og det, der er anderledes.
- \`content/<kommune>/\` – kommunens egne kort, logo og skrifttype.
- \`dist/\` – det byggede; det kommer ikke i git.

## Opdatering

\`\`\`sh
npm install samtale@latest
npx samtale --version               # samtales version og udgaven af ${base.name}
npx samtale check
\`\`\`

Har ${base.name} siden fået et nyt spørgsmål, citat eller en ny linje i noterne, kommer det med af sig selv. Har
det ændret netop det, et af jeres dæk ændrer, stopper \`check\` og \`build\` med kortets nye ordlyd
(\`E_STALE_CHANGE\`), så I kan tage stilling.

## Vejledning

- \`node_modules/samtale/docs/adapting.md\` – sådan tilpasses dækket til en kommune
- \`node_modules/samtale/docs/cards.md\` – kortenes format, også til jeres egne kort
- \`node_modules/samtale/docs/errors.md\` – alle fejlkoder, og hvad man gør ved dem
`;
}
