// `samtale new NAME`: a commented adaptation of the default deck that builds as it is.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EnvironmentError } from '../diagnostics/deck-error.js';

export interface NewAdaptation {
  /** The deck id, e.g. "faxe". */
  id: string;
  manifestFile: string;
  contentDir: string;
}

/** "Faxe Kommune" → "faxe"; "Lyngby-Taarbæk Kommune" → "lyngby-taarbaek". */
export function adaptationId(name: string): string {
  return name
    .toLowerCase()
    .replace(/\b(kommune|kommunes|municipality)\b/g, '')
    .replace(/æ/g, 'ae').replace(/ø/g, 'oe').replace(/å/g, 'aa')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The manifest text: every option shown, the optional ones commented out, in Danish for the consultant. */
export function adaptationManifest(name: string, baseId: string, cardIds: readonly string[], contentDir: string): string {
  const cards = cardIds.map((id) => `  - ${id}`).join('\n');
  // Danish genitive: "Faxe Kommunes", but "Aarhus'".
  const owner = /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
  return `# yaml-language-server: $schema=../docs/schema/manifest.schema.json
#
# ${owner} udgave af dækket "${baseId}".
# Filen bygger på ${baseId} og ændrer kun det, der er anderledes her. De fælles kort kopieres ikke:
# retter KL et kort, slår rettelsen igennem her – undtagen hvor I selv har ændret netop det punkt.
#
#   npx samtale check ${adaptationId(name)}     # tjek for fejl (fil:linje:kolonne og et forslag)
#   npx samtale build ${adaptationId(name)}     # → dist/${adaptationId(name)}/index.html
#
# Alle muligheder er beskrevet i docs/adapting.md.
extends: ${baseId}

# Titelsliden: kommunen, datoen ("ÅÅÅÅ-MM-DD"), starttidspunktet, stedet og facilitatoren.
municipality: ${name}
# date: "2027-03-02"
# start: "17:00"
# place: Byrådssalen
# facilitator: Navn Efternavn

# Sprog i dækket og i facilitatorvisningen: da eller en.
# language: da

# Kommunens logo (SVG eller PNG), farver ("#rrggbb") og evt. skrifttype (WOFF2).
# Stierne er i forhold til denne fil. Farver uden nok kontrast (WCAG AA) giver en fejl med det målte forhold.
# branding:
#   logo: ../${contentDir}/logo.svg
#   primary: "#0b4a6f"
#   accent: "#b4471a"
#   font: ../${contentDir}/skrift.woff2

# Deltagerudgaven (dist/…/participants.html) kan lægges på kommunens hjemmeside. Skriv adressen her,
# så får forsiden af samtalekortene (PDF) en QR-kode dertil.
# participants:
#   url: https://www.kommune.dk/samtalekort

# Temaerne, som kommunalbestyrelsen har valgt, i jeres rækkefølge. Slet dem, I ikke skal bruge.
# Et tema kan få andre minutter, og I kan ændre et spørgsmål eller tilføje et lokalt citat:
#
#   - card: om-at-vaere-rollemodel
#     minutes: 25
#     questions:
#       replace:
#         - match: Har I overvejet at udarbejde et kodeks      # begyndelsen af spørgsmålet på kortet
#           with: Hvordan bruger I jeres eget kodeks?
#       add:
#         - Et ekstra spørgsmål?
#     quotes:
#       add:
#         - text: Det man ikke vil sige, skal man heller ikke skrive.
#           source: Kommunalbestyrelsens kodeks
#       drop:
#         - Begyndelsen af et citat, I vil springe over
#
# En pause:  - break: 15
# Jeres egne kort lægges i ${contentDir}/ og skrives på listen med deres id.
cards:
${cards}
`;
}

/** Writes `slides/<id>.yaml` and the municipality's content folder; never overwrites. */
export function writeAdaptation(root: string, name: string, baseId: string, cardIds: readonly string[]): NewAdaptation {
  const id = adaptationId(name);
  if (!id) throw new EnvironmentError('E_BAD_NAME', `"${name}" gives no usable deck id`, 'write the municipality\'s name, e.g. samtale new "Faxe Kommune"');
  const manifestFile = join(root, 'slides', `${id}.yaml`);
  const contentDir = join(root, 'content', id);
  if (existsSync(manifestFile)) {
    throw new EnvironmentError('E_EXISTS', `${relative(root, manifestFile)} already exists; nothing was written`, `edit it, or choose another name`);
  }
  mkdirSync(join(root, 'slides'), { recursive: true });
  mkdirSync(contentDir, { recursive: true });
  writeFileSync(manifestFile, adaptationManifest(name, baseId, cardIds, relative(root, contentDir)), { flag: 'wx' });
  return { id, manifestFile, contentDir };
}
