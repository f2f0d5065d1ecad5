// samtale's public API.
export { build, check, loadDecks, renderDeckHtml, type BuildOptions, type BuildResult, type BuiltDeck, type DeckSelection } from './api.js';
export { exportPdf, pdfFileName, PDF_KINDS, PAPERS, type ExportOptions, type ExportProgress, type ExportResult, type ExportedPdf, type Paper, type PdfKind } from './export/index.js';
export { exportRecordSummary, type RecordSummaryOptions, type RecordSummaryResult } from './export/record-summary.js';
export { markdownToRecord, recordToMarkdown, seminarKey, type CardRecord, type RecordCardInfo, type SeminarRecord } from './record/record.js';
export { readRecordFile, recordToJson, type RecordFile } from './record/files.js';
export { DeckError, EnvironmentError, type Diagnostic } from './diagnostics/deck-error.js';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.js';
export type * from './model.js';
