// `?` anywhere (but in a field): every shortcut, grouped side by side.
import { useEffect, useState } from 'react';
import { Modal, Typography } from 'antd';
import { useLang } from '../i18n';
import { SHORTCUT_GROUPS, typing } from '../shortcuts';

export function ShortcutsHelp() {
  const { t } = useLang();
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== '?' || e.ctrlKey || e.metaKey || e.altKey || typing(e.target)) return;
      e.preventDefault();
      setOpen((o) => !o);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Modal open={open} title={t('ui.keys.title')} footer={null} onCancel={() => setOpen(false)} width={780}>
      <div className="va-keys" data-testid="shortcuts-help">
        {SHORTCUT_GROUPS.map((g) => (
          <section key={g.title}>
            <h4>{t(g.title)}</h4>
            <dl>
              {g.items.map((s) => [
                <dt key={`k${s.what}`}>{s.keys.map((k, i) => <span key={k}>{i > 0 && ' + '}<Typography.Text keyboard>{k}</Typography.Text></span>)}</dt>,
                <dd key={`d${s.what}`} data-shortcut={s.keys.join('+')}>{t(s.what)}</dd>,
              ])}
            </dl>
          </section>
        ))}
      </div>
    </Modal>
  );
}
