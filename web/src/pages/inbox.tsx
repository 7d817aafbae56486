/** 待办: what waits for me now, most urgent first; each item links to where it is done. */
import { api } from '../api/client';
import { fetchInbox, inboxCount, type InboxItem, type InboxKind } from '../api/inbox';
import { Loading, Problem } from '../components/problem';
import { ListSearch, Pager, usePagedSearch } from '../components/paged-list';
import { chineseDatesIn } from '../lib/format';
import { Link } from '../lib/router';
import { useApi } from '../lib/use-api';

const KIND_LABELS: Record<InboxKind, string> = {
  clock_overdue: '期限已逾期',
  escalation: '督促措施待确认',
  proposal: '提请待决定',
  filed_above: '下级院备案',
  alert: '案件告警',
  clock_due: '期限7日内届满',
  handed_over: '新交办',
  public_lead: '群众线索待评估',
};

export function InboxPage() {
  const inbox = useApi(async () => {
    const loaded = await fetchInbox();
    inboxCount.set(loaded.counts.total);
    return loaded;
  }, []);
  // Still most urgent first: the words narrow the list, the pages keep its order.
  const list = usePagedSearch(inbox.data?.items, (i) =>
    [i.title, i.action, i.caseId, i.detail, KIND_LABELS[i.kind]].filter(Boolean).join(' '),
  );
  return (
    <section aria-labelledby="inbox-title">
      <div className="page-head">
        <h1 id="inbox-title">待办</h1>
        <button type="button" onClick={inbox.reload}>
          刷新
        </button>
      </div>
      {inbox.loading && !inbox.data && <Loading what="待办事项" />}
      {inbox.error && <Problem error={inbox.error} title="无法加载待办事项" />}
      {inbox.data && inbox.data.items.length === 0 && <p className="empty">目前没有待办事项。</p>}
      {inbox.data && inbox.data.items.length > 0 && (
        <>
          <div className="filters" role="search" aria-label="查找待办事项">
            <ListSearch id="inbox-q" label="搜索" placeholder="案件名称、编号或事项" list={list} />
          </div>
          <Pager list={list} what="待办事项" />
        </>
      )}
      {list.rows.length > 0 && (
        <ol className="inbox" aria-label="待办事项，按紧急程度排列">
          {list.rows.map((item) => (
            <InboxRow
              key={`${item.kind}:${item.caseId ?? item.leadId}:${item.date}:${item.action}`}
              item={item}
              onDone={inbox.reload}
            />
          ))}
        </ol>
      )}
    </section>
  );
}

function InboxRow({ item, onDone }: { item: InboxItem; onDone: () => void }) {
  const urgent = item.kind === 'clock_overdue' || item.overdue;
  return (
    <li className={urgent ? 'inbox-item urgent' : 'inbox-item'}>
      <span className={`badge ${urgent ? 'overdue' : item.kind === 'clock_due' ? 'soon' : 'later'}`}>
        {KIND_LABELS[item.kind]}
      </span>
      <div className="inbox-body">
        {item.link ? (
          <Link to={item.link} className="case-title">
            {item.action}：{item.title}
          </Link>
        ) : (
          <span className="case-title">
            {item.action}：{item.title}
          </span>
        )}
        <div className="muted small">
          {item.caseId && <span>{item.caseId}</span>}
          {item.detail && <span> · {chineseDatesIn(item.detail)}</span>}
        </div>
      </div>
      {item.acknowledge && (
        <button type="button" onClick={() => void api.post(item.acknowledge!).then(onDone)}>
          已阅
        </button>
      )}
    </li>
  );
}
