#!/usr/bin/env node
'use strict';
// The CLI runs from the TypeScript sources, like `npm start`: tsx compiles them on load.
require('tsx/cjs');
require('../src/cli/main.ts');
