// One picked file: how it reads (format, encoding, header rows, sheets), what is wrong with it if
// something is, its preview, the mapping steps, the import button, and its result.
import { Alert, Button, Card, Descriptions, Select, Space, Tag } from 'antd';
import type { Encoding } from '../../../shared/contract';
import { pick, useLang } from '../i18n';
import { ColumnEditor } from './ColumnEditor';
import { ImportResultView } from './ImportResultView';
import { MappingForm } from './MappingForm';
import { PreviewTable } from './PreviewTable';
import type { Placement, PickedFile } from './types';

interface Props {
  file: PickedFile;
  busy: boolean;
  onImport: () => void;
  onRemove: () => void;
  onPlacement: (p: Placement) => void;
  /** The file is another kind than picked as: read it as that (projects), or import it where it belongs (roster). */
  onKind: (kind: 'ledger' | 'projects' | 'cadres') => void;
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

const ENCODINGS: (Encoding | 'auto')[] = ['auto', 'utf-8', 'gb18030', 'utf-16le', 'utf-16be'];

export function FileCard({ file, busy, onImport, onRemove, onPlacement, onKind }: Props) {
  const { t, lang } = useLang();
  const p = file.preview;
  const headerRows = p?.headerLine == null ? '—' : p.headerFirstLine != null && p.headerFirstLine !== p.headerLine ? `${p.headerFirstLine}–${p.headerLine}` : String(p.headerLine);
  const unreadable = !!p?.problem && p.headers.length === 0 && p.missing.length === 0;
  const wrongKind = p?.looksLike && p.looksLike !== file.kind ? p.looksLike : null;
  return (
    <Card
      size="small"
      data-testid="import-file"
      title={<Space><Tag>{t(file.kind === 'ledger' ? 'ui.import.kind.ledger' : 'ui.import.kind.projects')}</Tag>{fileName(file.path)}</Space>}
      extra={
        <Space>
          {file.state !== 'done' && (
            <Button type="primary" loading={file.state === 'importing'} disabled={(busy && file.state !== 'importing') || unreadable || !!wrongKind} onClick={onImport} data-testid="import-start">
              {t('ui.import.start')}
            </Button>
          )}
          <Button disabled={file.state === 'importing'} onClick={onRemove}>{t('ui.import.remove')}</Button>
        </Space>
      }
    >
      {p && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={5} items={[
            { key: 'fmt', label: t('ui.import.format'), children: <span data-testid="preview-format">{t(`ui.import.format.${p.format}`)}</span> },
            {
              key: 'enc', label: t('ui.import.encoding'), children: (
                <Space size={6}>
                  <span data-testid="preview-encoding">{p.encoding?.toUpperCase() ?? p.format.toUpperCase()}</span>
                  {p.format !== 'xlsx' && p.format !== 'xls' && (
                    <Select
                      size="small"
                      style={{ width: 130 }}
                      value={file.placement.encoding ?? 'auto'}
                      disabled={file.state !== 'preview'}
                      onChange={(encoding: Encoding | 'auto') => onPlacement({ ...file.placement, encoding })}
                      options={ENCODINGS.map((e) => ({ value: e, label: e === 'auto' ? t('ui.import.encoding.auto') : e.toUpperCase() }))}
                      data-testid="preview-encoding-select"
                    />
                  )}
                </Space>
              ),
            },
            { key: 'hdr', label: t('ui.import.headerLine'), children: <span data-testid="preview-header-line">{headerRows}</span> },
            { key: 'size', label: t('ui.import.size'), children: `${(p.size / 1024).toFixed(1)} KB` },
            { key: 'dup', label: '', children: p.alreadyImported ? <Tag color="blue">{t('ui.import.already')}</Tag> : null },
          ]} />
          {p.sheets.length > 1 && <div data-testid="preview-sheets">{t('ui.import.sheets', { count: p.sheets.length, sheets: p.sheets.join(t('fmt.list')) })}</div>}
          {wrongKind && (
            <Alert
              type="warning"
              showIcon
              data-testid="wrong-kind"
              title={p.problem ? pick(lang, p.problem.message, p.problem.messageEn) : ''}
              action={<Button size="small" onClick={() => onKind(wrongKind)} data-testid="wrong-kind-action">{t(`ui.import.asKind.${wrongKind}`)}</Button>}
            />
          )}
          {p.problem && !wrongKind && p.missing.length === 0 && (
            <Alert type={unreadable ? 'error' : 'warning'} showIcon data-testid="preview-problem" title={pick(lang, p.problem.message, p.problem.messageEn)} />
          )}
          {!unreadable && <PreviewTable preview={p} />}
          {file.state === 'preview' && !wrongKind && <MappingForm preview={p} placement={file.placement} onApply={onPlacement} />}
          {file.state === 'preview' && !wrongKind && p.missing.length === 0 && <ColumnEditor key={JSON.stringify(file.placement.map)} preview={p} placement={file.placement} onApply={onPlacement} />}
        </Space>
      )}
      {file.result && <div style={{ marginTop: 8 }}><ImportResultView result={file.result} /></div>}
    </Card>
  );
}
