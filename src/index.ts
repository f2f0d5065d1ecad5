// samtale's public API.
export { build, check, loadDecks, renderDeckHtml, type BuildOptions, type BuildResult, type BuiltDeck, type DeckSelection } from './api.js';
export { DeckError, EnvironmentError, type Diagnostic } from './diagnostics/deck-error.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export type * from './model.js';
