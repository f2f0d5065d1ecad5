// `samtale new NAME`: a commented adaptation of the default deck that builds as it is.
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { docsFolderFrom } from '../project/samtale-package.js';
import { stringify } from 'yaml';
import type { Manifest } from '../config/schemas.js';
import { EnvironmentError } from '../diagnostics/deck-error.js';

/** One entry of a manifest's `cards`: a card id, a card with its minutes and changes, or a break. */
export type CardEntry = NonNullable<Manifest['cards']>[number];

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

/**
 * The manifest text: every option shown, the optional ones commented out, in Danish for the consultant. `docs` is
 * samtale's docs/ folder as the project sees it (in a consultant's project, inside node_modules/samtale/).
 */
export function adaptationManifest(name: string, baseId: string, entries: readonly CardEntry[], contentDir: string, docs = 'docs'): string {
  // As the base deck has them: a card with other minutes keeps them, and the breaks stay where they are.
  const cards = entries.map((entry) => (typeof entry === 'string' ? `  - ${entry}` : stringify([entry]).trimEnd().replace(/^/gm, '  '))).join('\n');
  // Danish genitive: "Faxe Kommunes", but "Aarhus'".
  const owner = /[sxz]$/i.test(name) ? `${name}'` : `${name}s`;
  return `# yaml-language-server: $schema=../${docs}/schema/manifest.schema.json
#
# ${owner} udgave af dækket "${baseId}".
# Filen bygger på ${baseId} og ændrer kun det, der er anderledes her. De fælles kort kopieres ikke:
# retter KL et kort, slår rettelsen igennem her – undtagen hvor I selv har ændret netop det punkt.
#
#   npx samtale check ${adaptationId(name)}     # tjek for fejl (fil:linje:kolonne og et forslag)
#   npx samtale build ${adaptationId(name)}     # → dist/${adaptationId(name)}/index.html
#
# Alle muligheder er beskrevet i ${docs}/adapting.md.
extends: ${baseId}

# Titelsliden: kommunen, datoen ("ÅÅÅÅ-MM-DD"), starttidspunktet, stedet og facilitatoren.
municipality: ${name}
# date: "2027-03-02"
# start: "17:00"
# place: Byrådssalen
# facilitator: Navn Efternavn

# Dagen består af velkomsten (titel og dagsorden), temaerne, pauserne og afslutningen. Minutterne til
# velkomst og afslutning er som i ${baseId}, medmindre I skriver andre her:
# welcome:
#   minutes: 5
# closing:
#   minutes: 10

# Sprog i dækket og i facilitatorvisningen: da eller en.
# language: da

# Kommunens logo (SVG eller PNG), farver ("#rrggbb") og evt. skrifttype (WOFF2).
# Stierne er i forhold til denne fil. Tekst i primary og accent skal have kontrast nok (WCAG AA); ellers
# foreslår samtale den nærmeste nuance, der har. En lys kendingsfarve (fx gul) sættes som highlight:
# den bruges til streger, bjælker og baggrunde bag mørk tekst, aldrig til tekst.
# branding:
#   logo: ../${contentDir}/logo.svg
#   primary: "#0b4a6f"
#   accent: "#b4471a"
#   highlight: "#f2a900"
#   font: ../${contentDir}/skrift.woff2

# Deltagerudgaven (dist/…/participants.html) kan lægges på kommunens hjemmeside. Skriv adressen her,
# så får forsiden af samtalekortene (PDF) en QR-kode dertil.
# participants:
#   url: https://www.kommune.dk/samtalekort

# Temaerne, som kommunalbestyrelsen har valgt, i jeres rækkefølge. Slet dem, I ikke skal bruge.
# Listen er som i ${baseId}, med dens minutter og pauser. Et tema kan få andre minutter,
# og I kan ændre et spørgsmål, et citat eller facilitatorens noter uden at kopiere kortet:
#
#   - card: om-at-vaere-rollemodel
#     minutes: 25                                        # noternes "Forløb" fordeles på de 25 minutter
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
#         - Benjamin Rud Elberth                         # begyndelsen af citatet eller af kilden
#     notes:
#       replace:
#         - match: "Spørgsmål 3: Kort status"            # begyndelsen af en linje i noterne
#           with: "{kodeks}: Hvordan bruger I kodekset i dag?"
#
# Linjer i noterne om et citat eller spørgsmål, I dropper, falder selv væk.
# En pause:  - break: 15      (evt. med  title: Frokost  på linjen under)
# Jeres egne kort lægges i ${contentDir}/, og deres id begynder med "${basename(contentDir)}-":
# filen ${contentDir}/${basename(contentDir)}-kodeks.md har id "${basename(contentDir)}-kodeks" og skrives på listen sådan.
cards:
${cards}
`;
}

/** Writes `slides/<id>.yaml` and the municipality's content folder; never overwrites. */
export function writeAdaptation(root: string, name: string, baseId: string, entries: readonly CardEntry[]): NewAdaptation {
  const id = adaptationId(name);
  if (!id) throw new EnvironmentError('E_BAD_NAME', `"${name}" gives no usable deck id`, 'write the municipality\'s name, e.g. samtale new "Faxe Kommune"');
  const manifestFile = join(root, 'slides', `${id}.yaml`);
  const contentDir = join(root, 'content', id);
  if (existsSync(manifestFile)) {
    throw new EnvironmentError('E_EXISTS', `${relative(root, manifestFile)} already exists; nothing was written`, `edit it, or choose another name`);
  }
  mkdirSync(join(root, 'slides'), { recursive: true });
  mkdirSync(contentDir, { recursive: true });
  writeFileSync(manifestFile, adaptationManifest(name, baseId, entries, relative(root, contentDir), docsFolderFrom(root)), { flag: 'wx' });
  return { id, manifestFile, contentDir };
}
