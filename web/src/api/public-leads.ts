/** 群众线索: the public intake (no account) and the staff queue, as the API names them. */
import { api } from './client';

export type PublicLeadStatus = 'received' | 'under_evaluation' | 'accepted' | 'not_accepted';

export const PUBLIC_STATUS_LABELS: Record<PublicLeadStatus, string> = {
  received: '已收到，等待评估',
  under_evaluation: '正在评估',
  accepted: '已立案办理',
  not_accepted: '未予受理',
};

export interface PublicStatus {
  code: string;
  status: PublicLeadStatus;
  submittedAt: string;
  updatedAt: string;
  declineReason: string | null;
}

export interface StaffLead {
  id: string;
  status: PublicLeadStatus;
  description: string;
  location: string;
  domainGuess: string | null;
  hasContact: boolean;
  attachmentCount: number;
  caseId: string | null;
  declineReason: string | null;
  submittedAt: string;
  updatedAt: string;
}

export interface StaffLeadDetail extends StaffLead {
  contact: { name: string | null; phone: string | null; email: string | null };
  declinedBy: string | null;
  declinedAt: string | null;
  attachments: { n: number; fileName: string; mediaType: string; size: number; sha256: string }[];
}

export const ATTACHMENT_TYPES = ['image/jpeg', 'image/png', 'application/pdf'];
export const MAX_ATTACHMENTS = 3;
export const MAX_ATTACHMENT_BYTES = 2 * 1024 * 1024;

export const publicLeads = {
  status: (code: string) => api.get<PublicStatus>(`/api/public/leads/${encodeURIComponent(code.trim())}`),
  /** One page of the queue, oldest first, with how many leads of the status (and words) there are. */
  queue: (status: PublicLeadStatus | 'all', window: { limit: number; offset: number }, q: string) =>
    api.get<{ items: StaffLead[]; total: number }>('/api/leads/public', { status, q, ...window }),
  detail: (id: string) => api.get<StaffLeadDetail>(`/api/leads/public/${encodeURIComponent(id)}`),
  decline: (id: string, reason: string) =>
    api.post<StaffLeadDetail>(`/api/leads/public/${encodeURIComponent(id)}/decline`, { reason }),
};

/** A chosen file as the intake takes it: its bytes in Base64. */
export async function attachmentOf(file: File) {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return { fileName: file.name, mediaType: file.type, contentBase64: btoa(binary) };
}
