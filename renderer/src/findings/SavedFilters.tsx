// Named filters of the findings (filters and sort), kept on this computer (localStorage): save
// the one shown under a name, apply one, delete one.
import { useState } from 'react';
import { App as AntApp, Button, Dropdown, Input, Modal, Typography } from 'antd';
import { CloseOutlined, FilterOutlined } from '@ant-design/icons';
import type { FindingQuery } from '../../../shared/contract';
import { useLang } from '../i18n';

const KEY = 'va.savedFilters';

export interface SavedFilter {
  name: string;
  query: FindingQuery;
}

export function loadSavedFilters(): SavedFilter[] {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((x): x is SavedFilter => !!x && typeof x === 'object' && typeof (x as SavedFilter).name === 'string') : [];
  } catch {
    return [];
  }
}

function store(list: SavedFilter[]): void {
  localStorage.setItem(KEY, JSON.stringify(list));
}

export function SavedFilters({ query, onApply }: { query: FindingQuery; onApply: (q: FindingQuery) => void }) {
  const { t } = useLang();
  const { message } = AntApp.useApp();
  const [list, setList] = useState<SavedFilter[]>(loadSavedFilters);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const save = () => {
    const n = name.trim();
    if (!n) return;
    const { offset: _o, limit: _l, ...kept } = query;
    const next = [...list.filter((f) => f.name !== n), { name: n, query: kept }];
    store(next);
    setList(next);
    setNaming(false);
    void message.success(t('ui.savedFilters.saved', { name: n }));
  };
  const remove = (n: string) => {
    const next = list.filter((f) => f.name !== n);
    store(next);
    setList(next);
  };
  return (
    <>
      <Dropdown trigger={['click']} menu={{
        items: [
          ...list.map((f) => ({
            key: `apply:${f.name}`,
            label: (
              <span className="va-saved-filter" data-testid="saved-filter" data-name={f.name}>
                <span>{f.name}</span>
                <Button size="small" type="text" icon={<CloseOutlined />} aria-label={t('ui.savedFilters.delete', { name: f.name })} data-testid="saved-filter-delete"
                  onClick={(e) => { e.stopPropagation(); remove(f.name); }} />
              </span>
            ),
          })),
          ...(list.length ? [{ type: 'divider' as const }] : []),
          { key: 'save', label: <span data-testid="saved-filter-save">{t('ui.savedFilters.save')}</span> },
        ],
        onClick: ({ key }) => {
          if (key === 'save') { setName(''); setNaming(true); return; }
          const f = list.find((x) => `apply:${x.name}` === key);
          if (f) onApply(f.query);
        },
      }}>
        <Button icon={<FilterOutlined />} data-testid="saved-filters">{t('ui.savedFilters.button')}</Button>
      </Dropdown>
      <Modal open={naming} title={t('ui.savedFilters.title')} okText={t('ui.save')} onOk={save} onCancel={() => setNaming(false)} okButtonProps={{ disabled: !name.trim(), ...{ 'data-testid': 'saved-filter-ok' } }} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('ui.savedFilters.hint')}</Typography.Paragraph>
        <Input autoFocus value={name} placeholder={t('ui.savedFilters.placeholder')} onChange={(e) => setName(e.target.value)} onPressEnter={save} data-testid="saved-filter-name" />
      </Modal>
    </>
  );
}
