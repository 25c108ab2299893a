import { describe, expect, it } from 'vitest';
import { announcementInterval, computeDeadline, computeExpiry, failedByExpiry, formatCountdown, secondsRemaining, shouldAnnounce } from './countdown.js';

const RECEIVED_AT = 1_790_000_000_000; // browser ms
const SERVER_TIME = RECEIVED_AT - 90_000; // the server's clock is 90 s behind the browser's

describe('computeDeadline', () => {
  it('counts expiresSecond from when the response arrived', () => {
    expect(computeDeadline({ expiresSecond: 900 }, { receivedAt: RECEIVED_AT })).toBe(RECEIVED_AT + 900_000);
  });

  it('prefers expiresSecond over expiresAt', () => {
    const deadline = computeDeadline(
      { expiresSecond: 60, expiresAt: Math.floor(SERVER_TIME / 1000) + 900 },
      { receivedAt: RECEIVED_AT, serverTime: SERVER_TIME },
    );
    expect(deadline).toBe(RECEIVED_AT + 60_000);
  });

  it('treats expiresSecond 0 (or less) as already expired', () => {
    expect(computeDeadline({ expiresSecond: 0 }, { receivedAt: RECEIVED_AT })).toBe(RECEIVED_AT);
    expect(computeDeadline({ expiresSecond: -5 }, { receivedAt: RECEIVED_AT })).toBe(RECEIVED_AT);
    expect(secondsRemaining(RECEIVED_AT, RECEIVED_AT)).toBe(0);
  });

  it('reads expiresAt in seconds and corrects a 90 s clock skew', () => {
    const expiresAtSeconds = SERVER_TIME / 1000 + 600; // ten minutes on the server's clock
    const deadline = computeDeadline({ expiresAt: expiresAtSeconds }, { receivedAt: RECEIVED_AT, serverTime: SERVER_TIME });
    expect(deadline).toBe(RECEIVED_AT + 600_000);
    expect(secondsRemaining(deadline!, RECEIVED_AT)).toBe(600);
  });

  it('reads expiresAt in milliseconds when it is ≥ 1e12', () => {
    const deadline = computeDeadline(
      { expiresAt: SERVER_TIME + 300_000 },
      { receivedAt: RECEIVED_AT, serverTime: SERVER_TIME },
    );
    expect(deadline).toBe(RECEIVED_AT + 300_000);
  });

  it('corrects a browser clock that runs behind the server', () => {
    const serverTime = RECEIVED_AT + 90_000;
    const deadline = computeDeadline({ expiresAt: serverTime / 1000 + 120 }, { receivedAt: RECEIVED_AT, serverTime });
    expect(deadline).toBe(RECEIVED_AT + 120_000);
  });

  it('uses expiresAt as is without a server time', () => {
    expect(computeDeadline({ expiresAt: 1_790_000_900 }, { receivedAt: RECEIVED_AT })).toBe(1_790_000_900_000);
  });

  it('returns null when there is no expiry', () => {
    expect(computeDeadline({}, { receivedAt: RECEIVED_AT })).toBeNull();
    expect(computeDeadline(undefined, { receivedAt: RECEIVED_AT })).toBeNull();
    expect(computeDeadline({ expiresAt: 0 }, { receivedAt: RECEIVED_AT })).toBeNull();
    expect(computeDeadline({ expiresSecond: Number.NaN }, { receivedAt: RECEIVED_AT })).toBeNull();
  });

  it('gives the same deadline however late it is computed, so a remount does not restart the countdown', () => {
    const first = computeDeadline({ expiresSecond: 120 }, { receivedAt: RECEIVED_AT });
    const afterRemount = computeDeadline({ expiresSecond: 120 }, { receivedAt: RECEIVED_AT });
    expect(afterRemount).toBe(first);
    expect(secondsRemaining(afterRemount!, RECEIVED_AT + 45_000)).toBe(75);
  });
});

describe('computeExpiry / failedByExpiry', () => {
  it('gives the deadline on both clocks', () => {
    // The answer was produced at SERVER_TIME and arrived at RECEIVED_AT (90 s of skew and transit).
    expect(computeExpiry({ expiresSecond: 60 }, { receivedAt: RECEIVED_AT, serverTime: SERVER_TIME })).toEqual({
      deadline: RECEIVED_AT + 60_000,
      serverDeadline: SERVER_TIME + 60_000,
    });
    expect(computeExpiry({ expiresAt: SERVER_TIME / 1000 + 60 }, { receivedAt: RECEIVED_AT, serverTime: SERVER_TIME })).toEqual({
      deadline: RECEIVED_AT + 60_000,
      serverDeadline: SERVER_TIME + 60_000,
    });
    expect(computeExpiry({}, { receivedAt: RECEIVED_AT })).toBeNull();
  });

  it('tells a failure produced when the code ran out (server clock) from an earlier refusal', () => {
    const expiry = computeExpiry({ expiresSecond: 60 }, { receivedAt: RECEIVED_AT, serverTime: SERVER_TIME });
    expect(failedByExpiry(expiry, SERVER_TIME + 60_000)).toBe(true);
    expect(failedByExpiry(expiry, SERVER_TIME + 59_500)).toBe(true);
    expect(failedByExpiry(expiry, SERVER_TIME + 30_000)).toBe(false);
    expect(failedByExpiry(null, SERVER_TIME + 120_000)).toBe(false);
  });
});

describe('secondsRemaining', () => {
  it('rounds up and never goes below zero', () => {
    expect(secondsRemaining(10_000, 0)).toBe(10);
    expect(secondsRemaining(10_000, 1)).toBe(10);
    expect(secondsRemaining(10_000, 9_001)).toBe(1);
    expect(secondsRemaining(10_000, 10_000)).toBe(0);
    expect(secondsRemaining(10_000, 50_000)).toBe(0);
  });
});

describe('announcementInterval / shouldAnnounce', () => {
  it('announces more often as the deadline nears', () => {
    expect(announcementInterval(900)).toBe(60);
    expect(announcementInterval(121)).toBe(60);
    expect(announcementInterval(120)).toBe(30);
    expect(announcementInterval(61)).toBe(30);
    expect(announcementInterval(60)).toBe(10);
    expect(announcementInterval(21)).toBe(10);
    expect(announcementInterval(20)).toBe(5);
    expect(announcementInterval(1)).toBe(5);
  });

  it('picks the seconds to announce', () => {
    const announced = Array.from({ length: 301 }, (_, i) => 300 - i).filter(shouldAnnounce);
    expect(announced).toEqual([300, 240, 180, 120, 90, 60, 50, 40, 30, 20, 15, 10, 5, 0]);
  });
});

describe('formatCountdown', () => {
  it('formats m:ss', () => {
    expect(formatCountdown(0)).toBe('0:00');
    expect(formatCountdown(5)).toBe('0:05');
    expect(formatCountdown(65)).toBe('1:05');
    expect(formatCountdown(900)).toBe('15:00');
    expect(formatCountdown(3600)).toBe('60:00');
  });

  it('shows 0:00 for negative or invalid input', () => {
    expect(formatCountdown(-3)).toBe('0:00');
    expect(formatCountdown(Number.NaN)).toBe('0:00');
  });
});
