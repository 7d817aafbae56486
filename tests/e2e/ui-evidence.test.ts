/**
 * The evidence panel on the case page, in Chromium against `npm start` (the embedded PGlite): a
 * photo uploaded through the API shows as a thumbnail, a PDF uploaded in the panel is listed with
 * its hash and recorded on the timeline, and a refused type shows the server's message.
 */
import { createHash } from 'node:crypto';
import { ApiClient } from '../helpers/http';
import { screenshot, signIn } from '../helpers/browser';
import { useUiApp } from '../helpers/ui-app';

const TEST = 'ui-evidence';
const ui = useUiApp('ui-evidence');
const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
  'base64',
);
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
let caseId: string;

beforeAll(async () => {
  const prosecutor = await ApiClient.login(ui.app.baseUrl, { username: 'zhangjc' }, 'duban-demo');
  const receivedOn = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date());
  const created = await prosecutor.post('/api/cases', {
    title: '某河道排污口污水直排',
    description: '群众反映某河道排污口长期直排生活污水。',
    domainCode: 'ecology',
    source: 'public_report',
    receivedOn,
  });
  expect(created.status).toBe(201);
  caseId = created.body.id;
  const token = (prosecutor as unknown as { token: string }).token;
  const photo = await fetch(
    `${ui.app.baseUrl}/api/cases/${caseId}/evidence?name=${encodeURIComponent('排污口.png')}`,
    {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
      body: PNG,
    },
  );
  expect(photo.status).toBe(201);
}, 60_000);

it('when the handler opens the case, then the photo shows as a thumbnail and a PDF uploaded in the panel is listed and on the timeline', async () => {
  const page = await signIn(ui.browser, ui.app.baseUrl, 'zhangjc');
  await page.goto(`${ui.app.baseUrl}/cases/${caseId}`);
  const panel = page.getByRole('region', { name: '证据材料' });
  const thumb = panel.getByRole('img', { name: '排污口.png 缩略图' });
  await thumb.waitFor();
  await page.waitForFunction('document.querySelector("img.evidence-thumb")?.naturalWidth === 1');

  await panel
    .getByLabel('选择文件')
    .setInputFiles({ name: '鉴定意见书.pdf', mimeType: 'application/pdf', buffer: PDF });
  await panel.getByRole('button', { name: '上传' }).click();
  const hash = createHash('sha256').update(PDF).digest('hex');
  await panel
    .getByRole('status')
    .getByText(`SHA-256：${hash.slice(0, 16)}`)
    .waitFor();
  await panel.getByRole('button', { name: '鉴定意见书.pdf' }).waitFor();
  await page.getByText('添加证据材料').first().waitFor();
  await screenshot(page, TEST, '01-evidence-panel');

  await panel.getByLabel('选择文件').setInputFiles({
    name: 'setup.exe',
    mimeType: 'application/octet-stream',
    buffer: Buffer.from('MZ\x90\x00'),
  });
  await panel.getByRole('button', { name: '上传' }).click();
  await panel.getByText(/不接受可执行文件/).waitFor();
  await screenshot(page, TEST, '02-refused-type');
  await page.close();
});
