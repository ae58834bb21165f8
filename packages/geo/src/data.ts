import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TopologyName } from './constants';
import type { DataMeta, Pc4AreasFile, Pc4PopulationFile } from './types';

/**
 * The generated files ship in the package's data/ folder and are read relative to this
 * module, so they are found wherever the workspace lives. A bundled app must copy data/
 * alongside or keep this package external.
 */
function dataUrl(file: string): URL {
  return new URL(`../data/${file}`, import.meta.url);
}

/** Wraps a loader so that it reads and parses its file once. */
function once<T>(load: () => T): () => T {
  let value: { current: T } | undefined;
  return () => (value ??= { current: load() }).current;
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(dataUrl(file), 'utf8')) as T;
}

/** data/pc4-areas.json, parsed once. */
export const readAreasFile = once(() => readJson<Pc4AreasFile>('pc4-areas.json'));

/** data/pc4-population.json, parsed once. */
export const readPopulationFile = once(() => readJson<Pc4PopulationFile>('pc4-population.json'));

/** data/meta.json, parsed once. */
export const readMetaFile = once(() => readJson<DataMeta>('meta.json'));

/** Absolute file path of a shipped TopoJSON file. */
export function topologyPath(name: TopologyName): string {
  return fileURLToPath(dataUrl(`${name}.topo.json`));
}

const topologies = new Map<TopologyName, string>();

/** A shipped TopoJSON file as raw JSON text, read once, so an API can serve it as is with caching headers. */
export function readTopology(name: TopologyName): string {
  let text = topologies.get(name);
  if (text === undefined) {
    text = readFileSync(topologyPath(name), 'utf8');
    topologies.set(name, text);
  }
  return text;
}
