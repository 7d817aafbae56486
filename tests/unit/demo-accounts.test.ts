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
