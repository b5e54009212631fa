// A recognised field's name in the user's language, from the catalogue.
import type { FieldId } from '../../../shared/contract';
import { messages, type MessageKey } from '../../../shared/i18n/messages';
import type { T } from '../i18n';

export function fieldLabel(t: T, field: FieldId | string): string {
  const key = `ui.field.${field}`;
  return key in messages ? t(key as MessageKey) : field;
}
