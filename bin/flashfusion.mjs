#!/usr/bin/env node
// The `flashfusion` command: check the runtime, then hand over to the TypeScript CLI.
await import('../scripts/node-guard.mjs');
await import('../server/cli.ts');
