import { PAYMENT_METHOD_TYPES } from '@clink-checkout/protocol';
import { describe, expect, it } from 'vitest';
import { classifyAction } from './classify.js';
import type { DeviceInfo } from './device.js';
import { sampleAnswer } from './prepare.js';

const DEVICES: Record<string, DeviceInfo> = {
  desktop: { platformType: 'WEB', coarsePointer: false },
  android: { platformType: 'WAP', deviceType: 'Android', coarsePointer: true },
  iphone: { platformType: 'WAP', deviceType: 'iOS', coarsePointer: true },
};

describe('sampleAnswer', () => {
  // The view warmed up with it only helps when the made-up answer passes the checks a real one goes through.
  it.each(PAYMENT_METHOD_TYPES.flatMap((method) => Object.keys(DEVICES).map((device) => [method, device] as const)))(
    'runs the full checks on a %s answer on %s, as for a real action',
    (method, device) => {
      const plan = classifyAction(sampleAnswer(method), DEVICES[device]!);
      expect(plan.kind).toBe(method === 'CARD' ? 'redirect' : device === 'desktop' ? 'qr' : 'app_link');
    },
  );
});
