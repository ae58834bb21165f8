import { describe, expect, it } from 'vitest';
import {
  directionOf,
  evidenceValue,
  improvementTarget,
  meets,
  scoreAllOrNothing,
  scoreBands,
  scoreImprovement,
  scoreLinear,
} from './scoring';

describe('linear scoring: 0 at threshold, 1 at target, clamped (domain guide §6)', () => {
  it.each([
    // higher is better: threshold 0.70, target 0.90
    [0.6, 0.7, 0.9, 0],
    [0.7, 0.7, 0.9, 0],
    [0.8, 0.7, 0.9, 0.5],
    [0.85, 0.7, 0.9, 0.75],
    [0.9, 0.7, 0.9, 1],
    [0.99, 0.7, 0.9, 1],
    // lower is better: threshold 350 per 1,000, target 300
    [400, 350, 300, 0],
    [350, 350, 300, 0],
    [325, 350, 300, 0.5],
    [300, 350, 300, 1],
    [250, 350, 300, 1],
  ])('value %s, threshold %s, target %s → %s', (value, threshold, target, score) => {
    expect(scoreLinear(value, threshold, target)).toBeCloseTo(score, 12);
  });

  it('scores 1 at a target reached through float noise (0.7 + 0.2 vs 0.9)', () => {
    expect(scoreLinear(0.7 + 0.2, 0.7, 0.9)).toBe(1);
  });

  it('refuses a threshold equal to the target', () => {
    expect(() => scoreLinear(1, 2, 2)).toThrow(RangeError);
  });
});

describe('band scoring: step table by polarity', () => {
  const bands = [
    { from: 0.6, score: 0.25 },
    { from: 0.8, score: 1 },
    { from: 0.7, score: 0.5 },
  ];
  it.each([
    [0.55, 0],
    [0.6, 0.25],
    [0.69, 0.25],
    [0.7, 0.5],
    [0.79, 0.5],
    [0.8, 1],
    [0.95, 1],
  ])('higher is better: %s → %s', (value, score) => {
    expect(scoreBands(value, bands, 1)).toBe(score);
  });

  const lowerBands = [
    { from: 350, score: 0.5 },
    { from: 300, score: 1 },
  ];
  it.each([
    [400, 0],
    [350, 0.5],
    [320, 0.5],
    [300, 1],
    [200, 1],
  ])('lower is better: %s → %s', (value, score) => {
    expect(scoreBands(value, lowerBands, -1)).toBe(score);
  });
});

describe('all-or-nothing', () => {
  it('scores 1 only when the target is met, in either direction', () => {
    expect(scoreAllOrNothing(0.8, 0.8, 1)).toBe(1);
    expect(scoreAllOrNothing(0.79, 0.8, 1)).toBe(0);
    expect(scoreAllOrNothing(300, 300, -1)).toBe(1);
    expect(scoreAllOrNothing(301, 300, -1)).toBe(0);
  });
});

describe('improvement scoring', () => {
  it('computes the improved target absolute or relative, in the better direction', () => {
    expect(
      improvementTarget(
        0.6,
        { type: 'improvement', baselinePeriod: '2024', targetImprovement: 0.05, measure: 'absolute' },
        1,
      ),
    ).toBeCloseTo(0.65, 12);
    expect(
      improvementTarget(
        300,
        { type: 'improvement', baselinePeriod: '2024', targetImprovement: 0.1, measure: 'relative' },
        -1,
      ),
    ).toBeCloseTo(270, 12);
    expect(
      improvementTarget(
        300,
        { type: 'improvement', baselinePeriod: '2024', targetImprovement: 15, measure: 'absolute' },
        -1,
      ),
    ).toBe(285);
  });

  it('scores 0 at the baseline, 1 at the improved target, linear in between', () => {
    // baseline 0.60, improved target 0.65, absolute target 0.90
    expect(scoreImprovement(0.6, 0.6, 0.65, 0.9, 1)).toBe(0);
    expect(scoreImprovement(0.625, 0.6, 0.65, 0.9, 1)).toBeCloseTo(0.5, 12);
    expect(scoreImprovement(0.66, 0.6, 0.65, 0.9, 1)).toBe(1);
    expect(scoreImprovement(0.55, 0.6, 0.65, 0.9, 1)).toBe(0);
    // lower is better: baseline 300, improved 270
    expect(scoreImprovement(285, 300, 270, 200, -1)).toBeCloseTo(0.5, 12);
  });

  it('scores 1 once the absolute target is met, even without improvement or baseline', () => {
    expect(scoreImprovement(0.92, 0.95, 0.99, 0.9, 1)).toBe(1);
    expect(scoreImprovement(0.92, null, null, 0.9, 1)).toBe(1);
    expect(scoreImprovement(0.8, null, null, 0.9, 1)).toBe(0);
  });
});

describe('evidence rules pick the value scored (domain guide §6)', () => {
  const estimate = { value: 0.8, lower: 0.74, upper: 0.85 };
  it.each([
    ['point', 1, 'value', 0.8],
    ['benefit-of-doubt', 1, 'upper', 0.85],
    ['significant', 1, 'lower', 0.74],
    ['point', -1, 'value', 0.8],
    ['benefit-of-doubt', -1, 'lower', 0.74],
    ['significant', -1, 'upper', 0.85],
  ] as const)('%s with direction %s scores the %s', (rule, direction, scoredOn, scoredValue) => {
    expect(evidenceValue(estimate, rule, direction)).toEqual({ scoredOn, scoredValue });
  });
});

describe('direction and meeting a target', () => {
  it('maps polarity to a direction and refuses "none"', () => {
    expect(directionOf('higher')).toBe(1);
    expect(directionOf('lower')).toBe(-1);
    expect(() => directionOf('none')).toThrow(RangeError);
  });
  it('meets inclusively', () => {
    expect(meets(0.8, 0.8, 1)).toBe(true);
    expect(meets(0.8, 0.8, -1)).toBe(true);
    expect(meets(0.81, 0.8, -1)).toBe(false);
  });
});
