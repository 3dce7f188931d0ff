#!/usr/bin/env node
'use strict';
// Runs dist/cli.js with V8's code cache (see code-cache.js; scripts/build.d/warm-cli.mjs writes it).
const path = require('node:path');
require('./code-cache.js').loadWithCodeCache(path.join(__dirname, '..', 'dist', 'cli.js'), module);
