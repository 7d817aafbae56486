// What a procuratorate's staff see of the cases a national change notified: theirs by number,
// every other procuratorate's counted.
import { scopedSignals } from '../../../api/admin/signal-cases';

const ref = (caseId: string, procuratorateId: string) => ({ caseId, procuratorateId });

describe('scopedSignals', () => {
  it('when cases of three procuratorates were signalled, missed or failed, then only the caller’s are named', () => {
    const failure = '通知案件重新计算期限失败：再次提交同一内容即可重试';
    const scoped = scopedSignals(
      {
        signalled: [ref('A-1', 'a'), ref('B-1', 'b'), ref('B-2', 'b'), ref('C-1', 'c')],
        notFound: [ref('A-2', 'a'), ref('C-2', 'c')],
        failed: [
          { ...ref('A-3', 'a'), message: failure },
          { ...ref('B-3', 'b'), message: failure },
        ],
      },
      'a',
    );
    expect(scoped).toEqual({
      signalled: ['A-1'],
      notFound: ['A-2'],
      failed: [{ caseId: 'A-3', message: failure }],
      elsewhere: [
        { procuratorateId: 'b', signalled: 2, notFound: 0, failed: 1 },
        { procuratorateId: 'c', signalled: 1, notFound: 1, failed: 0 },
      ],
    });
  });

  it('when no other procuratorate was reached, then nothing is counted elsewhere', () => {
    expect(scopedSignals({ signalled: [ref('A-1', 'a')], notFound: [], failed: [] }, 'a')).toEqual({
      signalled: ['A-1'],
      notFound: [],
      failed: [],
      elsewhere: [],
    });
  });
});
