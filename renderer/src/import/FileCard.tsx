// One picked file: how it reads (encoding, header line), its preview, the mapping step, the
// import button, and its result.
import { Button, Card, Descriptions, Space, Tag } from 'antd';
import { useLang } from '../i18n';
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
}

function fileName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}

export function FileCard({ file, busy, onImport, onRemove, onPlacement }: Props) {
  const { t } = useLang();
  const p = file.preview;
  return (
    <Card
      size="small"
      data-testid="import-file"
      title={<Space><Tag>{t(file.kind === 'ledger' ? 'ui.import.kind.ledger' : 'ui.import.kind.projects')}</Tag>{fileName(file.path)}</Space>}
      extra={
        <Space>
          {file.state !== 'done' && (
            <Button type="primary" loading={file.state === 'importing'} disabled={busy && file.state !== 'importing'} onClick={onImport} data-testid="import-start">
              {t('ui.import.start')}
            </Button>
          )}
          <Button disabled={file.state === 'importing'} onClick={onRemove}>{t('ui.import.remove')}</Button>
        </Space>
      }
    >
      {p && (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Descriptions size="small" column={4} items={[
            { key: 'enc', label: t('ui.import.encoding'), children: <span data-testid="preview-encoding">{p.encoding?.toUpperCase() ?? p.format.toUpperCase()}</span> },
            { key: 'hdr', label: t('ui.import.headerLine'), children: <span data-testid="preview-header-line">{p.headerLine ?? '—'}</span> },
            { key: 'size', label: t('ui.import.size'), children: `${(p.size / 1024).toFixed(1)} KB` },
            { key: 'dup', label: '', children: p.alreadyImported ? <Tag color="blue">{t('ui.import.already')}</Tag> : null },
          ]} />
          <PreviewTable preview={p} />
          {file.state === 'preview' && <MappingForm preview={p} placement={file.placement} onApply={onPlacement} />}
        </Space>
      )}
      {file.result && <div style={{ marginTop: 8 }}><ImportResultView result={file.result} /></div>}
    </Card>
  );
}
