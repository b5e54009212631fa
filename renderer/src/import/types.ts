// One file in the import wizard: what was picked, how it reads, how it maps, how it went.
import type { FilePreview, FileKind, ImportResult } from '../../../shared/contract';

export interface Placement {
  township?: string;
  village?: string;
  map: Record<string, string>;
}

export interface PickedFile {
  path: string;
  kind: FileKind;
  preview: FilePreview | null;
  placement: Placement;
  state: 'preview' | 'importing' | 'done';
  result: ImportResult | null;
}

export function importArgs(f: PickedFile) {
  const { township, village, map } = f.placement;
  return {
    path: f.path,
    kind: f.kind,
    ...(township ? { township } : {}),
    ...(village ? { village } : {}),
    ...(Object.keys(map).length ? { map } : {}),
  };
}
