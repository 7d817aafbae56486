/**
 * The templates the worker renders from: a procuratorate's latest upload of a kind for a new
 * draft, the shipped default while it has none or has returned the kind to the default, and for an issue exactly the version recorded on
 * the draft (so replacing a template changes later documents only).
 */
import { DOCUMENT_KINDS, type DocumentKind } from '../domain/documents/kinds';
import { templateBytes, templateInUse, uploadedTemplateId } from '../store/document-templates';
import type { Db } from '../store/pool';
import { defaultTemplates, type TemplateSource } from './render';

/** The procuratorate and kind of an uploaded template's id, or undefined for a default's. */
export function parseUploadedId(id: string): { procuratorateId: string; kind: DocumentKind } | undefined {
  const slash = id.lastIndexOf('/');
  const procuratorateId = id.slice(0, slash);
  const kind = id.slice(slash + 1);
  if (slash <= 0 || procuratorateId === 'default' || !(kind in DOCUMENT_KINDS)) return undefined;
  return { procuratorateId, kind: kind as DocumentKind };
}

export function storedTemplates(db: Db): TemplateSource {
  return {
    async templateFor(kind, procuratorateId) {
      const uploaded = procuratorateId ? await templateInUse(db, procuratorateId, kind) : undefined;
      if (!uploaded) return defaultTemplates.templateFor(kind);
      return { id: uploadedTemplateId(procuratorateId!, kind), ...uploaded };
    },
    async bytesOf(ref) {
      const uploaded = parseUploadedId(ref.id);
      if (!uploaded) return defaultTemplates.bytesOf(ref);
      const found = await templateBytes(db, uploaded.procuratorateId, uploaded.kind, ref.version);
      if (!found) throw new Error(`no template ${ref.id} version ${ref.version}`);
      return found.bytes;
    },
  };
}
