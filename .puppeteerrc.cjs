// Puppeteer's own install step downloads a browser, which fails on machines without open internet and
// fails the whole `npm install` with it. samtale finds a browser itself (src/browser/find-browser.ts) and
// its setup installs Debian's chromium where it can; set SAMTALE_PUPPETEER_DOWNLOAD=1 to let Puppeteer
// download its own browser too.
module.exports = {
  skipDownload: process.env.SAMTALE_PUPPETEER_DOWNLOAD !== '1',
};
