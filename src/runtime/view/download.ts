// Handing a file to the facilitator from the view: a Blob URL on a download link. That works from file://
// and needs nothing from the CSP (a download is a navigation, not a fetch).

/** Long enough for any browser to start the download before the URL is revoked. */
const REVOKE_AFTER_MS = 60_000;

export function download(doc: Document, text: string, name: string, type: string): void {
  const win = doc.defaultView ?? window;
  const url = win.URL.createObjectURL(new Blob([text], { type }));
  const link = doc.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  doc.body.append(link);
  link.click();
  link.remove();
  win.setTimeout(() => win.URL.revokeObjectURL(url), REVOKE_AFTER_MS);
}
