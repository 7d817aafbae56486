import { namesLeft, type Narrative } from '../../../domain/typical/names';

const empty: Narrative = { basicFacts: '', performance: '', significance: '' };

describe('namesLeft', () => {
  it('finds names of different lengths and says where', () => {
    const found = namesLeft({ ...empty, basicFacts: '某县宏达化工有限公司向河道排污，王五举报。' }, [
      { name: '王五', who: '举报人' },
      { name: '宏达化工有限公司', who: '当事人' },
      { name: '李四', who: '承办人' },
    ]);
    expect(found).toEqual([
      { name: '宏达化工有限公司', who: '当事人', section: 'basicFacts', start: 2, end: 10, occurrences: 1 },
      { name: '王五', who: '举报人', section: 'basicFacts', start: 16, end: 18, occurrences: 1 },
    ]);
  });

  it('counts a name inside a longer name for the longer one only', () => {
    const found = namesLeft({ ...empty, performance: '张三丰与张三' }, [
      { name: '张三', who: '当事人' },
      { name: '张三丰', who: '联系人' },
    ]);
    expect(found.map((f) => [f.name, f.start])).toEqual([
      ['张三丰', 0],
      ['张三', 4],
    ]);
  });

  it('reports names that merely overlap both', () => {
    const found = namesLeft({ ...empty, basicFacts: '李四川化工' }, [
      { name: '李四', who: '当事人' },
      { name: '四川化工', who: '当事人' },
    ]);
    expect(found.map((f) => f.name)).toEqual(['李四', '四川化工']);
  });

  it('reports a name once per section it appears in, with its count', () => {
    const found = namesLeft({ basicFacts: '赵六、赵六', performance: '', significance: '赵六' }, [
      { name: '赵六', who: '当事人' },
    ]);
    expect(found.map((f) => [f.section, f.occurrences])).toEqual([
      ['basicFacts', 2],
      ['significance', 1],
    ]);
  });

  it('ignores blank and one-character names and repeated names', () => {
    const found = namesLeft({ ...empty, basicFacts: '王某 王某' }, [
      { name: ' ', who: '当事人' },
      { name: '王', who: '当事人' },
      { name: ' 王某 ', who: '当事人' },
      { name: '王某', who: '承办人' },
    ]);
    expect(found).toEqual([
      { name: '王某', who: '当事人', section: 'basicFacts', start: 0, end: 2, occurrences: 2 },
    ]);
  });
});
