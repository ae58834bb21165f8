#!/usr/bin/env -S npx tsx
import { renderCatalogues } from './catalogue';
import { seedCommand } from './seed';
import { importCommand } from './import';

const USAGE = `Gebruik / usage: kwadrant <command>

  catalogue                      print the default quadrants, payment titles and KPIs
  seed --scale demo|national     seed a demo landscape (idempotent); DATABASE_URL or KWADRANT_DATA_DIR choose where
  import <kind> <file> [--mode commit|dry-run|commit-valid] [--year YYYY]
                                 import observations (CSV), fhir (MeasureReport JSON), vektis or cbs-population`;

const [command, ...args] = process.argv.slice(2);
switch (command) {
  case 'import':
    process.exitCode = await importCommand(args);
    break;
  case 'seed':
    process.exitCode = await seedCommand(args);
    break;
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
