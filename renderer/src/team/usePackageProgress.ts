// The engine's progress events while a work package is written or merged: phase and how far.
import { useEffect, useState } from 'react';
import type { PackagePhase } from '../../../shared/contract';
import { audit } from '../api';

export interface PackageProgress { phase: PackagePhase; done: number; total: number }

export function usePackageProgress(active: boolean): PackageProgress | null {
  const [p, setP] = useState<PackageProgress | null>(null);
  useEffect(() => {
    if (!active) {
      setP(null);
      return undefined;
    }
    return audit().onEvent((e) => {
      if (e.type === 'package-progress') setP({ phase: e.phase, done: e.done, total: e.total });
    });
  }, [active]);
  return p;
}

/** The phases in order, for a bar that moves forward through them. */
const ORDER: PackagePhase[] = ['collect', 'encrypt', 'write', 'read', 'decrypt', 'sources', 'rules', 'merge'];

export function percentOf(p: PackageProgress | null): number {
  if (!p) return 0;
  const at = ORDER.indexOf(p.phase);
  const part = p.total > 0 ? p.done / p.total : 0;
  return Math.min(99, Math.round(((at + part) / ORDER.length) * 100));
}
