#!/usr/bin/env node
// Runs the TypeScript CLI straight from src/ (through tsx), so it works right after `npm ci`.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/runCli.ts');
process.exitCode = await runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr });
