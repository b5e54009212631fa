// The method table is the one declaration: schemas, the preload's list, the shell's share and
// AuditApi's argument types all follow from it.
import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { ARG_SCHEMAS, type AuditApi, type EngineApi, type importOptionsSchema, type ShellApi } from '../../shared/contract/api';
import { AUDIT_METHODS, isEngineMethod, isShellMethod, METHODS, SHELL_METHODS } from '../../shared/contract/methods';

describe('the contract', () => {
  it('has one schema per method of the table, and the shell answers only the dialogs, the recent list and the language', () => {
    expect(Object.keys(ARG_SCHEMAS).sort()).toEqual([...AUDIT_METHODS].sort());
    expect([...SHELL_METHODS].sort()).toEqual(['chooseDirectory', 'chooseFiles', 'chooseSaveFile', 'chooseWorkspace', 'recentWorkspaces', 'setLanguage']);
    for (const m of AUDIT_METHODS) expect(isShellMethod(m) !== isEngineMethod(m), m).toBe(true);
    expect(isEngineMethod('importBatch')).toBe(false);
    expect(isEngineMethod('toString')).toBe(false);
    expect(Object.values(METHODS).filter((w) => w === 'engine')).toHaveLength(AUDIT_METHODS.length - SHELL_METHODS.length);
  });

  it('types each method\'s arguments as what its schema accepts', () => {
    expectTypeOf<Parameters<AuditApi['importFile']>>().toEqualTypeOf<[z.input<typeof importOptionsSchema>]>();
    expectTypeOf<Parameters<AuditApi['listFiles']>>().toEqualTypeOf<[]>();
    expectTypeOf<keyof EngineApi | keyof ShellApi>().toEqualTypeOf<keyof AuditApi>();
    expectTypeOf<Extract<keyof EngineApi, keyof ShellApi>>().toBeNever();
  });
});
