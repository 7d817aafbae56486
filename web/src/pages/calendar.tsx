/**
 * 期限日历: every running clock of the cases in the user's scope on a month view, with the
 * days off and make-up working days of the holiday schedule marked.
 */
import { useMemo, useState } from 'react';
import FullCalendar from '@fullcalendar/react';
import dayGridPlugin from '@fullcalendar/daygrid';
import zhCn from '@fullcalendar/core/locales/zh-cn';
import type { DayCellContentArg, EventClickArg, EventInput } from '@fullcalendar/core';
import { api } from '../api/client';
import type { User } from '../api/session';
import type { CaseDetail, CaseSummary } from '../api/types';
import { hasAnyRole } from '../../../domain/roles';
import { Loading, Notice, Problem } from '../components/problem';
import { countdown } from '../lib/format';
import { navigate } from '../lib/router';
import { useApi } from '../lib/use-api';
import { holidaysFor, type DayMarks } from './holidays';

const FINAL = new Set(['REJECTED', 'TERMINATED', 'ARCHIVED']);
const DETAIL_LIMIT = 150;

async function casesInScope(): Promise<CaseSummary[]> {
  const all: CaseSummary[] = [];
  let cursor: string | undefined;
  do {
    const page = await api.get<{ items: CaseSummary[]; nextCursor: string | null }>('/api/cases', {
      limit: 200,
      cursor,
    });
    all.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor && all.length < 1000);
  return all.filter((c) => !FINAL.has(c.stage));
}

/** Every running clock of the open cases (a few requests at a time). */
async function deadlines(): Promise<{ events: EventInput[]; partial: boolean }> {
  const cases = await casesInScope();
  if (cases.length > DETAIL_LIMIT) {
    const events = cases
      .filter((c) => c.nextDue)
      .map((c) => event(c, c.nextDueClock ?? '最近期限', c.nextDue!, c.overdue, c.nextDueProvisional));
    return { events, partial: true };
  }
  const events: EventInput[] = [];
  const queue = [...cases];
  const worker = async () => {
    for (let c = queue.shift(); c; c = queue.shift()) {
      const d = await api.get<CaseDetail>(`/api/cases/${c.id}`);
      for (const k of d.clocks)
        if (k.status === 'running' && k.due) events.push(event(c, k.name, k.due, k.overdue, k.provisional));
    }
  };
  await Promise.all(Array.from({ length: 6 }, worker));
  return { events, partial: false };
}

function event(
  c: CaseSummary,
  clock: string,
  due: string,
  overdue: boolean,
  provisional: boolean,
): EventInput {
  const urgency = countdown(due, overdue).urgency;
  return {
    title: `${clock}${provisional ? '（暂定）' : ''} · ${c.title}`,
    start: due,
    allDay: true,
    classNames: [`ev-${urgency}`],
    extendedProps: { caseId: c.id },
  };
}

export function CalendarPage({ user }: { user: User }) {
  const [year, setYear] = useState(() => new Date().getFullYear());
  const data = useApi(deadlines, []);
  const marks = useApi(() => holidaysFor(year, hasAnyRole(user.roles, ['admin'])), [year]);
  const dayMarks: DayMarks = useMemo(() => marks.data ?? { days: {}, source: 'none' }, [marks.data]);

  const dayClass = (arg: DayCellContentArg) => {
    const key = ymd(arg.date);
    const mark = dayMarks.days[key];
    return mark ? [`day-${mark.kind}`] : [];
  };
  const dayContent = (arg: DayCellContentArg) => {
    const mark = dayMarks.days[ymd(arg.date)];
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

  return (
    <section>
      <h1>期限日历</h1>
      <p className="legend" aria-label="图例">
        <span className="badge overdue">已逾期</span> <span className="badge soon">7 日内届满</span>{' '}
        <span className="badge later">其他期限</span> <span className="day-mark holiday">休</span> 法定节假日{' '}
        <span className="day-mark workday">班</span> 调休上班日
      </p>
      {marks.data?.source === 'builtin' && (
        <Notice>
          节假日按系统内置的国务院节假日安排（chinese-days）标注；本院账号无权读取管理员载入的安排（接口仅对系统管理员开放），若两者不同，以期限计算结果为准。
        </Notice>
      )}
      {marks.data?.source === 'missing' && (
        <Notice tone="warn">{year}年节假日安排尚未载入：本年期限为暂定期限，仅按周末计算。</Notice>
      )}
      {data.data?.partial && <Notice tone="warn">案件较多，日历中每件案件只显示最近的一个期限。</Notice>}
      {data.error && <Problem error={data.error} title="无法读取期限" />}
      {!data.data && !data.error && <Loading what="期限" />}
      <div className="calendar-box">
        <FullCalendar
          plugins={[dayGridPlugin]}
          initialView="dayGridMonth"
          locale={zhCn}
          height="auto"
          headerToolbar={{ left: 'prev,next today', center: 'title', right: '' }}
          buttonText={{ today: '本月' }}
          events={data.data?.events ?? []}
          dayCellClassNames={dayClass}
          dayCellContent={dayContent}
          datesSet={(arg) => setYear(new Date((arg.start.getTime() + arg.end.getTime()) / 2).getFullYear())}
          eventClick={(arg: EventClickArg) => navigate(`/cases/${arg.event.extendedProps.caseId as string}`)}
          dayMaxEvents={4}
          moreLinkText={(n) => `另有 ${n} 项`}
        />
      </div>
    </section>
  );
}

const ymd = (d: Date) =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
