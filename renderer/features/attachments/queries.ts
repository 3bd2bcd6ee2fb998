import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AttachmentOwner } from '../../../shared/schemas/attachments';
import { api } from '../../api/client';

/** Everything about attachments starts with 'attachments', so one invalidation refreshes the card and the recycle bin. */
export const attachmentKeys = {
  all: ['attachments'] as const,
  list: (ownerType: AttachmentOwner, ownerId: string) => ['attachments', 'list', ownerType, ownerId] as const,
  file: (id: string) => ['attachments', 'file', id] as const,
};

export function useAttachments(ownerType: AttachmentOwner, ownerId: string) {
  return useQuery({ queryKey: attachmentKeys.list(ownerType, ownerId), queryFn: () => api.attachments.list({ ownerType, ownerId }) });
}

/** One attachment's bytes, to view or to save; not kept in the cache once unused (a scan can be many megabytes). */
export function attachmentFile(id: string) {
  return queryOptions({ queryKey: attachmentKeys.file(id), queryFn: () => api.attachments.get({ id }), gcTime: 0 });
}
