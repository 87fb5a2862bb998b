import { createProgress, formatProgress } from '../../src/render/progress';

function recorder(): { chunks: string[]; write: (chunk: string) => void } {
  const chunks: string[] = [];
  return { chunks, write: (chunk) => void chunks.push(chunk) };
}

describe('createProgress', () => {
  test('draws nothing when standard error is not a terminal', () => {
    const out = recorder();
    const progress = createProgress({ total: 100, write: out.write, isTTY: false });
    progress.advance(100);
    progress.finish();
    expect(out.chunks).toEqual([]);
  });

  test('draws nothing for a small, quick run', () => {
    const out = recorder();
    let time = 0;
    const progress = createProgress({ total: 5, write: out.write, isTTY: true, now: () => time });
    time = 100;
    progress.advance(5);
    progress.finish();
    expect(out.chunks).toEqual([]);
  });

  test('draws for a small run once it has taken more than the delay, then erases itself', () => {
    const out = recorder();
    let time = 0;
    const progress = createProgress({ total: 5, write: out.write, isTTY: true, now: () => time });
    time = 600;
    progress.advance(5);
    progress.finish();
    expect(out.chunks[0]).toMatch(/^\r\[#+\] 5\/5 articles 0\.6 s\u001b\[K$/);
    expect(out.chunks[out.chunks.length - 1]).toBe('\r\u001b[K');
  });

  test('draws from the start for a big run', () => {
    const out = recorder();
    const progress = createProgress({ total: 40, write: out.write, isTTY: true, now: () => 0 });
    progress.advance(10);
    progress.finish();
    expect(out.chunks[0]).toContain(' 10/40 articles');
  });
});

describe('formatProgress', () => {
  test('fits the terminal width and fills in proportion', () => {
    for (const columns of [20, 40, 80, 200]) expect(formatProgress(3, 7, 1234, columns).length).toBeLessThanOrEqual(Math.max(columns, 30));
    expect(formatProgress(0, 10, 0, 80)).toMatch(/^\[·+\]/);
    expect(formatProgress(10, 10, 0, 80)).toMatch(/^\[#+\]/);
    const half = formatProgress(5, 10, 0, 80).match(/#/g)!.length;
    const width = formatProgress(5, 10, 0, 80).indexOf(']') - 1;
    expect(half).toBe(width / 2);
  });
});
