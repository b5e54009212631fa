// 被反映人: the persons a lead names, each with unit and post and why they are named (roster,
// ledger, or added by the reviewer). The reviewer can remove any name and add one.
import { useState } from 'react';
import { Button, Input, Space, Table, Tag, Typography } from 'antd';
import type { LeadPerson } from '../../../shared/contract';
import { useLang } from '../i18n';

const BASIS_COLOR: Record<LeadPerson['basis'], string> = { roster: 'geekblue', ledger: 'purple', manual: 'gold' };

export function PersonsEditor({ persons, village, onChange, disabled }: { persons: LeadPerson[]; village: string; onChange: (p: LeadPerson[]) => void; disabled: boolean }) {
  const { t } = useLang();
  const [name, setName] = useState('');
  const [post, setPost] = useState('');
  const add = () => {
    if (!name.trim()) return;
    onChange([...persons, { name: name.trim(), post: post.trim(), basis: 'manual' }]);
    setName('');
    setPost('');
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="lead-persons">
      {persons.length === 0 && <Typography.Text type="warning">{t('ui.lead.persons.none')}</Typography.Text>}
      {persons.length > 0 && (
        <Table<LeadPerson & { i: number }>
          size="small"
          rowKey="i"
          pagination={false}
          dataSource={persons.map((p, i) => ({ ...p, i }))}
          columns={[
            { key: 'name', title: t('ui.lead.persons.name'), dataIndex: 'name', width: 110, render: (v: string) => <span data-person={v}>{v}</span> },
            { key: 'post', title: t('ui.lead.field.unitAndPosts'), render: (_, p) => `${village}${p.post}` },
            { key: 'basis', title: '', width: 190, render: (_, p) => <Tag color={BASIS_COLOR[p.basis]}>{t(`ui.lead.persons.basis.${p.basis}`)}</Tag> },
            {
              key: 'remove', title: '', width: 70, render: (_, p) => (
                <Button size="small" type="link" danger disabled={disabled} data-testid={`remove-person-${p.name}`} onClick={() => onChange(persons.filter((_x, j) => j !== p.i))}>
                  {t('ui.lead.persons.remove')}
                </Button>
              ),
            },
          ]}
        />
      )}
      {!disabled && (
        <Space.Compact style={{ width: '100%' }}>
          <Input style={{ width: 140 }} value={name} placeholder={t('ui.lead.persons.name')} onChange={(e) => setName(e.target.value)} data-testid="person-name" onPressEnter={add} />
          <Input value={post} placeholder={t('ui.lead.persons.post')} onChange={(e) => setPost(e.target.value)} data-testid="person-post" onPressEnter={add} />
          <Button onClick={add} disabled={!name.trim()} data-testid="person-add">{t('ui.lead.persons.add')}</Button>
        </Space.Compact>
      )}
    </Space>
  );
}
