#!/usr/bin/env node
// The samtale command. The compiled CLI lives in lib/ (made by `npm run compile`, which `npm install` runs).
import('../lib/cli/main.js').catch((error) => {
  if (error && error.code === 'ERR_MODULE_NOT_FOUND' && String(error.message).includes('lib/cli/main.js')) {
    console.error('samtale: the compiled code is missing. Run "npm install" (or "npm run compile") in the samtale folder.');
  } else {
    console.error(error);
  }
  process.exit(1);
});
