import { describe, expect, it } from 'vitest';
import { cpuPerUpdate, threadSeconds } from '../../bench/lib/processCpu.ts';

describe('processCpu (bench stage D)', () => {
  it('reads utime + stime from a /proc stat line whose thread name holds spaces and parentheses', () => {
    // pid (comm) state ppid pgrp session tty tpgid flags minflt cminflt majflt cmajflt utime stime …
    const line = '4242 (Dedicated) (W) x) S 4200 4200 4200 0 -1 4194368 900 0 3 0 250 75 0 0 20 0 31 0';
    expect(threadSeconds(line)).toBeCloseTo(3.25, 10);
    expect(threadSeconds('7 (chromium) R 1 1 1 0 -1 0 0 0 0 0 100 0 0 0 20 0 1 0')).toBeCloseTo(1, 10);
  });

  it('divides each kind of CPU time used between two readings by the updates, NaN for none', () => {
    const before = { renderer: 10, gpu: 20, main: 4, workers: 3 };
    const after = { renderer: 12, gpu: 23, main: 5, workers: 3.5 };
    expect(cpuPerUpdate(before, after, 40)).toEqual({ pageMs: 50, gpuMs: 75, mainMs: 25, workersMs: 12.5 });
    const none = cpuPerUpdate(before, after, 0);
    expect(Number.isNaN(none.pageMs) && Number.isNaN(none.gpuMs) && Number.isNaN(none.mainMs) && Number.isNaN(none.workersMs)).toBe(true);
  });
});
