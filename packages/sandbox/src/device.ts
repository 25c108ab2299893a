import type { DeviceType, PlatformType } from '@clink-checkout/protocol';

/** Where the customer pays, as the sandbox reads `platformType` and `deviceType`. */
export type Device = { kind: 'desktop' } | { kind: 'phone'; os: DeviceType | undefined };

/**
 * `WEB` is a desktop even with a `deviceType` (a tablet in desktop mode); `WAP` is a phone.
 * Without `platformType`, a `deviceType` alone says "phone".
 */
export function describeDevice(platformType: PlatformType | undefined, deviceType: DeviceType | undefined): Device {
  if (platformType === 'WEB') return { kind: 'desktop' };
  if (platformType === 'WAP' || deviceType !== undefined) return { kind: 'phone', os: deviceType };
  return { kind: 'desktop' };
}
