// One file in the import wizard: what was picked, how it reads, how it maps, how it went.
import type { Encoding, FilePreview, FileKind, ImportResult } from '../../../shared/contract';

export interface Placement {
  township?: string;
  village?: string;
  /** Field -> column header; '' = the file has no such column. */
  map: Record<string, string>;
  /** The user's choice over the detected encoding. */
  encoding?: Encoding | 'auto';
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
  const { township, village, map, encoding } = f.placement;
  return {
    path: f.path,
    kind: f.kind,
    ...(encoding && encoding !== 'auto' ? { encoding } : {}),
    ...(township ? { township } : {}),
    ...(village ? { village } : {}),
    ...(Object.keys(map).length ? { map } : {}),
  };
}
