/**
 * The US National Provider Identifier: 10 digits, the last a check digit. CMS's note
 * "Requirements for NPI Check Digit" (cms.gov, Administrative Simplification, NPIcheckdigit.pdf)
 * specifies the Luhn formula (ISO/IEC 7812 modulus 10 "double-add-double") computed as if the
 * card-issuer prefix 80840 (80 health, 840 United States) stood before the first 9 digits.
 * Its worked example: 123456789 → check digit 3, NPI 1234567893.
 */

/** The check digit for the first 9 digits of an NPI, by the Luhn formula over 80840 + those digits. */
export function npiCheckDigit(firstNine: string): number {
  if (!/^\d{9}$/.test(firstNine)) throw new Error('an NPI check digit is computed from exactly 9 digits');
  const digits = `80840${firstNine}`;
  let sum = 0;
  // Double every second digit counting from the rightmost (the check digit's place is to its right).
  for (let i = digits.length - 1, double = true; i >= 0; i -= 1, double = !double) {
    let d = Number(digits[i]);
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return (10 - (sum % 10)) % 10;
}

/** Why a typed NPI is not one, or null when it is. */
export function npiProblem(value: string): string | null {
  if (!/^\d+$/.test(value)) return 'an NPI is 10 digits, nothing else';
  if (value.length !== 10) return `an NPI is 10 digits (this has ${value.length})`;
  if (npiCheckDigit(value.slice(0, 9)) !== Number(value[9])) return 'this is not a valid NPI: its check digit does not match (CMS Luhn check)';
  return null;
}
