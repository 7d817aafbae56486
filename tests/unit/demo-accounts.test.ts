import { demoCases, demoCasesWanted } from '../../dev/demo-cases';
import { demoWanted } from '../../dev/demo-data';

describe('the demo accounts of npm start', () => {
  it('when npm start runs on its own embedded database, then it loads them', () => {
    expect(demoWanted({}, [])).toBe(true);
    expect(demoWanted({ DATABASE_URL: '' }, [])).toBe(true);
  });

  it('when DATABASE_URL names a database of the user’s, then it does not, unless asked with --demo', () => {
    const own = { DATABASE_URL: 'postgres://duban:secret@db.example:5432/duban' };
    expect(demoWanted(own, [])).toBe(false);
    expect(demoWanted(own, ['--port', '3000'])).toBe(false);
    expect(demoWanted(own, ['--demo'])).toBe(true);
  });
});

describe('the demo cases of npm start', () => {
  const today = '2026-12-02';
  const cases = demoCases(today, 40);
  const datesOf = (body: object): string[] =>
    Object.entries(body).flatMap(([key, value]) =>
      key.endsWith('On') && typeof value === 'string' ? [value] : [],
    );

  it('the three stories come first, then as many generated cases as asked, each with its own key', () => {
    expect(cases).toHaveLength(43);
    expect(cases.slice(0, 3).map((c) => c.lead.title)).toEqual([
      '某再生资源公司违规堆放固体废物',
      '辖区网络餐饮服务平台入网商户监管不到位',
      '诈骗农机购置补贴致国有财产损失',
    ]);
    expect(new Set(cases.map((c) => c.key)).size).toBe(43);
    expect(demoCases(today, 0)).toHaveLength(3);
  });

  it('every step is dated between the lead’s arrival and today, in the order the steps are taken', () => {
    for (const c of cases) {
      let last = c.receivedOn;
      expect(c.receivedOn <= today).toBe(true);
      for (const step of c.steps) {
        for (const date of datesOf(step.body)) {
          expect({
            case: c.key,
            action: step.action,
            date,
            ok: date >= c.receivedOn && date <= today,
          }).toMatchObject({ ok: true });
        }
        const first = datesOf(step.body).sort()[0];
        if (first) {
          expect({ case: c.key, action: step.action, first, ok: first >= last }).toMatchObject({ ok: true });
          last = first;
        }
      }
    }
  });

  it('the leads spread over two years and several domains', () => {
    const received = cases.map((c) => c.receivedOn).sort();
    expect(received[0]! < '2025-01-15').toBe(true);
    expect(new Set(cases.map((c) => c.lead.domainCode)).size).toBeGreaterThanOrEqual(6);
  });

  it('npm start loads 40 generated cases unless told otherwise, and refuses a count that is not a number', () => {
    expect(demoCasesWanted([])).toBe(40);
    expect(demoCasesWanted(['--demo-cases=5'])).toBe(5);
    expect(demoCasesWanted(['--no-demo-cases'])).toBeUndefined();
    expect(() => demoCasesWanted(['--demo-cases=many'])).toThrow(/0 to 500/);
  });
});
