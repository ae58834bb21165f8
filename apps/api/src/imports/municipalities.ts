import { municipalities } from '@kwadrant/geo';

/** The 2025 municipalities (CBS code and name) that Vektis names are matched to. */
export const referenceMunicipalities = () => municipalities().map((m) => ({ code: m.code, name: m.name }));
