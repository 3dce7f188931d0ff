import { cidrReport, validateCidrInput } from '@core/calc/reports';
import { ask, showCalcError, showReport, type ShownReport } from './calcUi';

const CIDR_TITLE = 'AWS Notes: CIDR Calculator';

/**
 * "AWS Notes: CIDR Calculator": a CIDR block (plus, optionally, blocks to check for overlap) →
 * a notification with the key numbers and a "Show working" button. `input` skips the input box
 * (for keybindings and tests); the report is returned.
 */
export async function cidrCalculator(input?: unknown): Promise<ShownReport | undefined> {
  const text =
    typeof input === 'string'
      ? input
      : await ask({
          title: CIDR_TITLE,
          prompt: 'IPv4 or IPv6 CIDR block. Add more blocks after it (comma or space separated) to check them for overlap.',
          placeHolder: '10.16.0.0/16',
          validate: validateCidrInput,
        });
  if (text === undefined || text.trim() === '') return undefined;
  try {
    return showReport(cidrReport(text));
  } catch (e) {
    showCalcError(e);
    return undefined;
  }
}
