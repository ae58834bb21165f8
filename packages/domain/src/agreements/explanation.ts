import type { ExplanationStep } from './model';

/** Collects the explanation of a settlement in order, numbering the steps from 1. */
export class Explanation {
  readonly steps: ExplanationStep[] = [];

  add(step: Omit<ExplanationStep, 'step'>): void {
    this.steps.push({ step: this.steps.length + 1, ...step });
  }
}
