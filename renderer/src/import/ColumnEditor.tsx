// Every field of the file's kind with the column it is read from: a column recognised wrongly can
// be re-mapped, or marked as not in the file. Folded away until asked for.
import { useState } from 'react';
import { Button, Collapse, Form, Select, Space } from 'antd';
import type { FilePreview } from '../../../shared/contract';
import { useLang } from '../i18n';
import { fieldLabel } from './fieldLabel';
import type { Placement } from './types';

/** The option meaning "this file has no such column". */
const NONE = '\u0000none';

export function ColumnEditor({ preview, placement, onApply }: { preview: FilePreview; placement: Placement; onApply: (p: Placement) => void }) {
  const { t } = useLang();
  const current = new Map(preview.matches.map((m) => [m.field as string, preview.headers[m.column] ?? m.header]));
  const [draft, setDraft] = useState<Record<string, string>>(placement.map);
  if (preview.headers.length === 0) return null;
  const valueOf = (field: string): string | undefined => {
    if (field in draft) return draft[field] === '' ? NONE : draft[field];
    return current.get(field);
  };
  const options = [{ value: NONE, label: t('ui.import.columns.none') }, ...preview.headers.filter(Boolean).map((h) => ({ value: h, label: h }))];
  return (
    <Collapse
      size="small"
      data-testid="column-editor"
      items={[{
        key: 'columns',
        label: t('ui.import.columns.title'),
        children: (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <div>{t('ui.import.columns.hint')}</div>
            <Form layout="inline" size="small" style={{ rowGap: 6 }}>
              {preview.fields.map((f) => (
                <Form.Item key={f.id} label={`${fieldLabel(t, f.id)}${f.required ? ' *' : ''}`} style={{ minWidth: 260 }}>
                  <Select
                    style={{ width: 160 }}
                    allowClear
                    placeholder={t('ui.import.mapping.column')}
                    value={valueOf(f.id)}
                    options={options}
                    onChange={(v?: string) => {
                      const next = { ...draft };
                      if (v === undefined) delete next[f.id];
                      else next[f.id] = v === NONE ? '' : v;
                      setDraft(next);
                    }}
                    data-testid={`column-${f.id}`}
                  />
                </Form.Item>
              ))}
            </Form>
            <Button onClick={() => onApply({ ...placement, map: draft })} data-testid="columns-apply">{t('ui.import.mapping.apply')}</Button>
          </Space>
        ),
      }]}
    />
  );
}
