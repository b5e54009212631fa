// The reviewer's name: asked once, remembered in localStorage, written into every decision.
import { useRef, useState } from 'react';
import { Input, Modal, Typography } from 'antd';
import { useLang } from '../i18n';

const KEY = 'va.reviewer';

export function useReviewer() {
  const { t } = useLang();
  const [name, setName] = useState<string | null>(() => localStorage.getItem(KEY));
  const [asking, setAsking] = useState(false);
  const [draft, setDraft] = useState('');
  const pending = useRef<((name: string) => void) | null>(null);

  /** Runs `action` with the reviewer's name, asking for it first if it was never given. */
  const withReviewer = (action: (name: string) => void) => {
    if (name) return action(name);
    pending.current = action;
    setDraft('');
    setAsking(true);
  };
  const save = () => {
    const n = draft.trim();
    if (!n) return;
    localStorage.setItem(KEY, n);
    // Hand the keyboard back to the review shortcuts.
    (document.activeElement as HTMLElement | null)?.blur();
    setName(n);
    setAsking(false);
    const action = pending.current;
    pending.current = null;
    action?.(n);
  };
  const change = () => {
    pending.current = null;
    setDraft(name ?? '');
    setAsking(true);
  };
  const modal = (
    <Modal open={asking} title={t('ui.reviewer.title')} okText={t('ui.ok')} onOk={save} onCancel={() => setAsking(false)} okButtonProps={{ disabled: !draft.trim() }}>
      <Typography.Paragraph>{t('ui.reviewer.ask')}</Typography.Paragraph>
      <Input autoFocus value={draft} placeholder={t('ui.reviewer.placeholder')} onChange={(e) => setDraft(e.target.value)} onPressEnter={save} data-testid="reviewer-name" />
    </Modal>
  );
  return { name, withReviewer, change, modal };
}
