// The whole trail of the workspace, newest first, narrowed to one kind of object if wanted.
import { useEffect, useState } from 'react';
import { Select, Space } from 'antd';
import { TRAIL_ENTITIES, type TrailEntry } from '../../../shared/contract';
import { audit } from '../api';
import { TrailTable } from '../components/TrailTable';
import { useApp } from '../context';
import { useLang } from '../i18n';

const ENTITIES: readonly TrailEntry['entity'][] = TRAIL_ENTITIES;

export function WholeTrail({ version }: { version: number }) {
  const { t } = useLang();
  const app = useApp();
  const [entity, setEntity] = useState<TrailEntry['entity'] | ''>('');
  const [rows, setRows] = useState<TrailEntry[]>([]);
  useEffect(() => {
    audit().listTrail({ ...(entity ? { entity } : {}), limit: 100_000 }).then(setRows).catch(app.reportError);
  }, [entity, version, app.reportError]);
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Select style={{ width: 180 }} value={entity} onChange={setEntity} data-testid="trail-entity"
        options={[{ value: '', label: t('ui.trail.filter.all') }, ...ENTITIES.map((e) => ({ value: e, label: t(`ui.trail.entity.${e}`) }))]} />
      <TrailTable entries={rows} />
    </Space>
  );
}
