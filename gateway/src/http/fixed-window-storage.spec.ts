import { FixedWindowThrottlerStorage } from './fixed-window-storage';

describe('FixedWindowThrottlerStorage', () => {
  let storage: FixedWindowThrottlerStorage;
  let now: number;

  beforeEach(() => {
    now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    storage = new FixedWindowThrottlerStorage();
  });

  afterEach(() => {
    storage.onModuleDestroy();
    jest.restoreAllMocks();
  });

  it('counts hits per client and blocks past the limit until the block runs out', async () => {
    for (let i = 1; i <= 3; i++) expect(await storage.increment('a', 60_000, 3, 60_000, 'default')).toMatchObject({ totalHits: i, isBlocked: false });
    expect(await storage.increment('a', 60_000, 3, 60_000, 'default')).toMatchObject({ isBlocked: true, timeToBlockExpire: 60 });
    // Another client has its own budget.
    expect(await storage.increment('b', 60_000, 3, 60_000, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });

    now += 30_000;
    expect(await storage.increment('a', 60_000, 3, 60_000, 'default')).toMatchObject({ isBlocked: true, timeToBlockExpire: 30 });
    now += 30_001;
    expect(await storage.increment('a', 60_000, 3, 60_000, 'default')).toMatchObject({ totalHits: 1, isBlocked: false });
  });

  it('does constant work per request, however many came before', async () => {
    for (let i = 0; i < 50_000; i++) await storage.increment('a', 60_000, 1_000_000, 60_000, 'default');
    const started = process.hrtime.bigint();
    for (let i = 0; i < 1_000; i++) await storage.increment('a', 60_000, 1_000_000, 60_000, 'default');
    // The list-based default took milliseconds per request at this depth.
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(200);
  });

  it('forgets clients whose window and block have run out', async () => {
    await storage.increment('a', 1_000, 5, 1_000, 'default');
    await storage.increment('b', 120_000, 5, 1_000, 'default');
    now += 2_000;
    storage.evict(now);
    expect(storage.size).toBe(1);
  });
});
