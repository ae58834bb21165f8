#!/usr/bin/env -S npx tsx
import { renderCatalogues } from './catalogue';

const USAGE = `Gebruik / usage: kwadrant <command>

  catalogue   print the default quadrants, payment titles and KPIs`;

const [command] = process.argv.slice(2);
switch (command) {
  case 'catalogue':
    process.stdout.write(renderCatalogues());
    break;
  case undefined:
  case 'help':
  case '--help':
    console.log(USAGE);
    break;
  default:
    console.error(`Onbekende opdracht / unknown command: "${command}"\n\n${USAGE}`);
    process.exitCode = 2;
}
