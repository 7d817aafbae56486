/**
 * 期限日历: the running deadlines of the procuratorate's cases (or the user's own) in the month
 * shown, with the days off and make-up working days of the schedule they were computed with.
 */
import { useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import zhCn from '@fullcalendar/core/locales/zh-cn';
import type { DatesSetArg, DayCellContentArg, EventClickArg, EventInput } from '@fullcalendar/core';
import { api } from '../api/client';
import type { User } from '../api/session';
import type { OpenDeadline } from '../api/types';
import { hasAnyRole } from '../../../domain/roles';
import { Loading, Notice, Problem } from '../components/problem';
import { countdown } from '../lib/format';
import { navigate } from '../lib/router';
import { useApi } from '../lib/use-api';
import { holidaysFor, scheduleNote, type DayMarks } from './holidays';

/** The days the month view shows (first and last, inclusive) and the year of its month. */
interface Range {
  from: string;
  to: string;
  years: number[];
  year: number;
}

async function deadlines(range: Range, mine: boolean): Promise<EventInput[]> {
  const { items } = await api.get<{ items: OpenDeadline[] }>('/api/deadlines/open', {
    from: range.from,
    to: range.to,
    handler: mine ? 'me' : undefined,
  });
  return items.map(event);
}

function event(d: OpenDeadline): EventInput {
  return {
    title: `${d.name}${d.provisional ? '（暂定）' : ''} · ${d.title}`,
    start: d.due,
    allDay: true,
    classNames: [`ev-${countdown(d.due, d.overdue).urgency}`],
    extendedProps: { caseId: d.caseId },
  };
}

function rangeOf(arg: DatesSetArg): Range {
  const last = new Date(arg.end.getTime() - 12 * 3600 * 1000);
  const middle = new Date((arg.start.getTime() + arg.end.getTime()) / 2);
  const years = [...new Set([arg.start.getFullYear(), last.getFullYear()])];
  return { from: ymd(arg.start), to: ymd(last), years, year: middle.getFullYear() };
}

export function CalendarPage({ user }: { user: User }) {
  const [range, setRange] = useState<Range | null>(null);
  const [mine, setMine] = useState(() => !hasAnyRole(user.roles, ['head', 'chief', 'case_office']));
  const data = useApi(
    () => (range ? deadlines(range, mine) : Promise.resolve(null)),
    [range?.from, range?.to, mine],
  );
  const marks = useApi(
    () => (range ? holidaysFor(range.years) : Promise.resolve(null)),
    [range?.years.join()],
  );
  const dayMarks: DayMarks['days'] = marks.data?.days ?? {};
  const shownYear = marks.data?.years.find((y) => y.year === range?.year);
  const missing = marks.data?.years.filter((y) => y.missing && y !== shownYear) ?? [];

  const dayClass = (arg: DayCellContentArg) => {
    const mark = dayMarks[ymd(arg.date)];
    return mark ? [`day-${mark.kind}`] : [];
  };
  const dayContent = (arg: DayCellContentArg) => {
    const mark = dayMarks[ymd(arg.date)];
    return (
      <span className="day-number">
        {mark && (
          <span className={`day-mark ${mark.kind}`}>
            {mark.kind === 'holiday' ? `休·${mark.name}` : '班'}
          </span>
        )}
        {arg.dayNumberText}
      </span>
    );
  };
  const onDates = (arg: DatesSetArg) => {
    const next = rangeOf(arg);
    setRange((r) => (r && r.from === next.from && r.to === next.to ? r : next));
  };

  return (
    <section>
      <h1>期限日历</h1>
      <p className="legend" aria-label="图例">
        <span className="badge overdue">已逾期</span> <span className="badge soon">7 日内届满</span>{' '}
        <span className="badge later">其他期限</span> <span className="day-mark holiday">休</span> 法定节假日{' '}
        <span className="day-mark workday">班</span> 调休上班日
      </p>
      <label className="check">
        <input type="checkbox" checked={mine} onChange={(e) => setMine(e.target.checked)} />
        只看本人承办的案件
      </label>
      {shownYear && <Notice tone={shownYear.missing ? 'warn' : 'info'}>{scheduleNote(shownYear)}</Notice>}
      {missing.map((y) => (
        <Notice key={y.year} tone="warn">
          {scheduleNote(y)}
        </Notice>
      ))}
      {marks.error && <Problem error={marks.error} title="无法读取节假日安排" />}
      {data.error && <Problem error={data.error} title="无法读取期限" />}
      {!data.data && !data.error && <Loading what="期限" />}
      <div className="calendar-box">
        <FullCalendar
          plugins={[dayGridPlugin]}
          initialView="dayGridMonth"
          locale={zhCn}
          height="auto"
          headerToolbar={{ left: 'prev,next today', center: 'title', right: '' }}
          // Words, not icon fonts: a screen reader reads the buttons, and the icons had no text.
          buttonIcons={false}
          buttonText={{ today: '本月', prev: '上月', next: '下月' }}
          events={data.data ?? []}
          dayCellClassNames={dayClass}
          dayCellContent={dayContent}
          datesSet={onDates}
          eventClick={(arg: EventClickArg) => navigate(`/cases/${arg.event.extendedProps.caseId as string}`)}
          dayMaxEvents={4}
          moreLinkText={(n) => `另有 ${n} 项`}
          // FullCalendar's "more" link is an <a> without href carrying aria-expanded: a button.
          moreLinkDidMount={(arg) => arg.el.setAttribute('role', 'button')}
        />
      </div>
    </section>
  );
}

const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
