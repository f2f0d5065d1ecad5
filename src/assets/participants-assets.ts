// The CSS of the participants' edition: the theme's compiled CSS (tokens, fonts) and its participants.css, from lib/runtime/.
import { readFile } from 'node:fs/promises';

// Both lib/assets/ and src/assets/ (under vitest) sit two levels below the package root.
const runtimeDir = new URL('../../lib/runtime/', import.meta.url);

interface Manifest {
  themes?: Record<string, string>;
  participantsThemes?: Record<string, string>;
}

export interface ParticipantsThemeFiles {
  themeCss: string;
  /** The theme's participants.css, or the default theme's when it has none. */
  participantsCss: string;
}

const cache = new Map<string, Promise<ParticipantsThemeFiles>>();

/** Reads a theme's CSS for participants.html; a missing file means the runtime needs `npm run compile`. */
export function loadParticipantsThemeFiles(theme: string): Promise<ParticipantsThemeFiles> {
  let files = cache.get(theme);
  if (!files) {
    files = readFiles(theme);
    cache.set(theme, files);
    files.catch(() => cache.delete(theme));
  }
  return files;
}

async function readFiles(theme: string): Promise<ParticipantsThemeFiles> {
  const manifest = JSON.parse(await read('manifest.json')) as Manifest;
  const themeFile = manifest.themes && Object.hasOwn(manifest.themes, theme) ? manifest.themes[theme] : undefined;
  const participantsFile = manifest.participantsThemes?.[theme] ?? manifest.participantsThemes?.['default'];
  if (themeFile === undefined || participantsFile === undefined) {
    throw new Error(`The compiled runtime has no participants' edition CSS for the theme "${theme}". Run \`npm run compile\`.`);
  }
  const [themeCss, participantsCss] = await Promise.all([read(themeFile), read(participantsFile)]);
  return { themeCss, participantsCss };
}

async function read(name: string): Promise<string> {
  try {
    return await readFile(new URL(name, runtimeDir), 'utf8');
  } catch {
    throw new Error(`The samtale browser runtime is not built (cannot read lib/runtime/${name}). Run \`npm run compile\`.`);
  }
}
