#!/usr/bin/env node
// The lazify bin. The plain `--help`, `<command> --help` and `--version` are answered from stored
// text (stored-answers.ts), so they load neither yargs nor any of the pipeline; everything else
// goes to the yargs command line (yargs-cli.ts).
import { storedAnswer } from './stored-answers.js';

const answer = storedAnswer(process.argv.slice(2), { env: process.env, columns: process.stdout.columns });
if (answer !== undefined) process.stdout.write(answer);
else await import('./yargs-cli.js');
