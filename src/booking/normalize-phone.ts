import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A phone number in E.164, or null when it is not a valid number. Numbers without a country code are read as
 * German ("0176 1234567" → +491761234567), the way a Berlin receptionist would.
 */
export function normalizePhone(raw: string, defaultCountry: 'DE' | 'AT' | 'CH' = 'DE'): string | null {
  const parsed = parsePhoneNumberFromString(raw.trim(), defaultCountry);
  return parsed?.isValid() ? parsed.number : null;
}
