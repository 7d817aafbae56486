import { reference } from '../api/reference';
import { Loading, Notice, Problem } from '../components/problem';
import { useApi } from '../lib/use-api';

/** The domains in force; the API offers no endpoint to add or change one yet. */
export function AdminDomains() {
  const domains = useApi(() => reference.domains(), []);
  return (
    <div>
      <Notice>
        系统暂未提供维护领域的接口：此处只列出现行领域。新增“等外”探索领域需要后端提供管理接口。
      </Notice>
      {domains.error && <Problem error={domains.error} />}
      {!domains.data && !domains.error && <Loading what="领域" />}
      {domains.data && (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">代码</th>
                <th scope="col">名称</th>
              </tr>
            </thead>
            <tbody>
              {domains.data.map((d) => (
                <tr key={d.code}>
                  <td>
                    <code>{d.code}</code>
                  </td>
                  <td>{d.name}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
