'use client';
import { useMemo, useSyncExternalStore } from 'react';
import { detectDevice, type DeviceInfo } from '../../core/index.js';
import { noSubscription } from '../dom.js';

const SERVER_DEVICE: DeviceInfo = { platformType: 'WEB', coarsePointer: false };
let detected: { agent: string; device: DeviceInfo } | undefined;

// Detect once per user agent and return the same object, so React sees no change between renders.
const getSnapshot = (): DeviceInfo => {
  const agent = navigator.userAgent;
  if (detected?.agent !== agent) detected = { agent, device: detectDevice() };
  return detected.device;
};
const getServerSnapshot = (): DeviceInfo => SERVER_DEVICE;

/**
 * The customer's device. A desktop on the server and during hydration (so markup matches), the detected
 * device after that. `overrides` win over detection (for example from your server's user-agent parsing).
 */
export function useDevice(overrides?: Partial<DeviceInfo>): DeviceInfo {
  const base = useSyncExternalStore(noSubscription, getSnapshot, getServerSnapshot);
  const { platformType, deviceType, inAppBrowser, coarsePointer } = overrides ?? {};
  // Memoised per value, so the device keeps its identity from render to render.
  return useMemo(() => {
    const device: DeviceInfo = { ...base };
    if (platformType !== undefined) device.platformType = platformType;
    if (coarsePointer !== undefined) device.coarsePointer = coarsePointer;
    if (deviceType !== undefined) device.deviceType = deviceType;
    else if (device.platformType === 'WEB') delete device.deviceType;
    if (inAppBrowser !== undefined) device.inAppBrowser = inAppBrowser;
    return device;
  }, [base, platformType, deviceType, inAppBrowser, coarsePointer]);
}
