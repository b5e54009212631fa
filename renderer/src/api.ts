// The only way out of the renderer: the contract's methods exposed on window.audit by the preload
// (or by the end-to-end harness's stand-in for it).
import type { AuditBridge } from '../../shared/contract';

declare global {
  interface Window {
    audit: AuditBridge;
  }
}

export function audit(): AuditBridge {
  return window.audit;
}
