/** Who a person's change is recorded as (statuses, manual values, controls, approvals): the OS account running the CLI. */
import { userInfo } from 'node:os';

export function whoAmI(): string {
  try {
    return userInfo().username || 'user';
  } catch {
    // No passwd entry for the uid (a container): the change is still recorded, by a generic name.
    return 'user';
  }
}
