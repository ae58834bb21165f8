import type { ExplanationStep } from './model';

/**
 * Collects the explanation of a settlement in order, numbering the steps from 1. Steps are built
 * lazily: an impact analysis settles thousands of units and needs only the amounts, so it switches
 * the explanation off and no sentence is ever formatted.
 */
export class Explanation {
  readonly steps: ExplanationStep[] = [];

  constructor(readonly enabled = true) {}

  add(step: () => Omit<ExplanationStep, 'step'>): void {
    if (this.enabled) this.steps.push({ step: this.steps.length + 1, ...step() });
  }
}
