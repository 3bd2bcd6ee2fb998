/** Uploading and deleting attachments; each refreshes the attachment lists (and the recycle bin) and the audit panels. */
import type { AttachmentKind, AttachmentOwner } from '../../../shared/schemas/attachments';
import { api } from '../../api/client';
import { notifyError } from '../../components/notify';
import { readBase64 } from '../../components/readBase64';
import { useWrite } from '../../components/useWrite';
import { auditKeys } from '../reference/queries';
import { attachmentKeys } from './queries';

const TOUCHES = [attachmentKeys.all, auditKeys.all];

export interface Upload {
  ownerType: AttachmentOwner;
  ownerId: string;
  kind: AttachmentKind;
  files: File[];
  /** Told before each file: how many are done, of how many, and which is next. */
  onProgress: (p: { done: number; total: number; current: string }) => void;
}

/**
 * Uploads the files one after another; a file the host refuses is reported on its own and the rest
 * go on. The result is how many were saved (nothing is refreshed when none was).
 */
export function useUploadAttachments() {
  return useWrite(
    async (u: Upload) => {
      let saved = 0;
      for (const [i, f] of u.files.entries()) {
        u.onProgress({ done: i, total: u.files.length, current: f.name });
        try {
          await api.attachments.add({
            ownerType: u.ownerType,
            ownerId: u.ownerId,
            kind: u.kind,
            fileName: f.name,
            base64: await readBase64(f),
          });
          saved++;
        } catch (e) {
          notifyError(e, `未能上传：${f.name}`);
        }
      }
      return saved;
    },
    { touches: (saved) => (saved > 0 ? TOUCHES : []) },
  );
}

export function useDeleteAttachment() {
  return useWrite((id: string) => api.attachments.delete({ id }), { touches: TOUCHES });
}
