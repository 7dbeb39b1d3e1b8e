import { describe, expect, it } from 'vitest';
import { npiCheckDigit, npiProblem } from './npi';

describe('NPI check digit (CMS: Luhn over 80840 + the first 9 digits)', () => {
  it("CMS's worked example: 123456789 gives 3", () => {
    expect(npiCheckDigit('123456789')).toBe(3);
    expect(npiProblem('1234567893')).toBeNull();
  });
  it('accepts other valid NPIs, including a check digit of 0', () => {
    // 1558598797 is a commonly cited valid NPI; the other is built from its check digit.
    expect(npiProblem('1558598797')).toBeNull();
    const nine = Array.from({ length: 1000 }, (_, i) => String(100000000 + i * 7919)).find((n) => npiCheckDigit(n) === 0)!;
    expect(npiProblem(`${nine}0`)).toBeNull();
  });
  it('refuses a wrong check digit, every wrong one', () => {
    for (let d = 0; d <= 9; d += 1) if (d !== 3) expect(npiProblem(`123456789${d}`)).toMatch(/check digit/);
  });
  it('refuses a transposition of two neighbouring digits', () => {
    expect(npiProblem('1324567893')).toMatch(/check digit/);
  });
  it('refuses a wrong length or a non-digit', () => {
    expect(npiProblem('123456789')).toMatch(/10 digits \(this has 9\)/);
    expect(npiProblem('12345678930')).toMatch(/10 digits \(this has 11\)/);
    expect(npiProblem('123456789X')).toMatch(/10 digits, nothing else/);
    expect(npiProblem('')).toMatch(/10 digits/);
  });
});
