// The mapping step: a column for each unrecognised field, and the township / village for a file
// that has no such columns.
import { useState } from 'react';
import { Alert, Button, Form, Input, Select, Space } from 'antd';
import type { FilePreview } from '../../../shared/contract';
import { pick, useLang } from '../i18n';
import { fieldLabel } from './fieldLabel';
import type { Placement } from './types';

const PLACE = new Set(['township', 'village']);

export function MappingForm({ preview, placement, onApply }: { preview: FilePreview; placement: Placement; onApply: (p: Placement) => void }) {
  const { t, lang } = useLang();
  const [draft, setDraft] = useState<Placement>(placement);
  const fields = preview.missing.filter((f) => !PLACE.has(f));
  const places = preview.missing.filter((f) => PLACE.has(f));
  if (preview.missing.length === 0) return null;
  return (
    <Alert
      type="warning"
      showIcon
      title={t('ui.import.mapping')}
      data-testid="mapping-form"
      description={
        <Form layout="inline" size="small">
          <Space orientation="vertical" style={{ width: '100%' }}>
            {preview.problem && <div data-testid="mapping-advice">{pick(lang, preview.problem.message, preview.problem.messageEn)}</div>}
            {fields.length > 0 && <div>{t('ui.import.mapping.hint')}</div>}
            {fields.map((f) => (
              <Form.Item key={f} label={fieldLabel(t, f)}>
                <Select
                  style={{ width: 200 }}
                  placeholder={t('ui.import.mapping.column')}
                  value={draft.map[f]}
                  options={preview.headers.map((h) => ({ value: h, label: h }))}
                  onChange={(v: string) => setDraft({ ...draft, map: { ...draft.map, [f]: v } })}
                  data-testid={`map-${f}`}
                />
              </Form.Item>
            ))}
            {places.length > 0 && <div>{t('ui.import.mapping.place')}</div>}
            {places.map((f) => (
              <Form.Item key={f} label={fieldLabel(t, f)}>
                <Input
                  style={{ width: 200 }}
                  value={f === 'township' ? draft.township : draft.village}
                  onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
                  data-testid={`place-${f}`}
                />
              </Form.Item>
            ))}
            <Button onClick={() => onApply(draft)} data-testid="mapping-apply">{t('ui.import.mapping.apply')}</Button>
          </Space>
        </Form>
      }
    />
  );
}
