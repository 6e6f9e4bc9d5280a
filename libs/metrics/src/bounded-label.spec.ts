import { describe, expect, it } from '@jest/globals';
import { BoundedLabel } from './bounded-label.js';

describe('BoundedLabel', () => {
  it('keeps the first distinct values up to the limit, then answers the overflow value for new ones', () => {
    const label = new BoundedLabel(2);
    expect(label.value('ProjectList')).toBe('ProjectList');
    expect(label.value('LaunchProject')).toBe('LaunchProject');
    expect(label.value('Third')).toBe('other');
    expect(label.value('Fourth')).toBe('other');
    // Values already kept stay themselves.
    expect(label.value('ProjectList')).toBe('ProjectList');
    expect(label.size).toBe(2);
  });

  it('does not spend the limit on values that are not names', () => {
    const label = new BoundedLabel(1);
    expect(label.value('has space')).toBe('other');
    expect(label.value('x'.repeat(101))).toBe('other');
    expect(label.value('')).toBe('other');
    expect(label.value('Fine_1')).toBe('Fine_1');
  });

  it('takes another overflow value and pattern', () => {
    const label = new BoundedLabel(5, 'OTHER_ERROR', /^[A-Z_]+$/);
    expect(label.value('NOT_FOUND')).toBe('NOT_FOUND');
    expect(label.value('lower')).toBe('OTHER_ERROR');
  });
});
