import { h } from '../dom.js';

// How each lifecycle state (DESIGN.md §1) reads to a creator, and whether it can still change by itself.
const STATUSES = {
  UPLOADING: { label: 'Uploading', tone: 'info', settled: false },
  UPLOADED: { label: 'Queued', tone: 'info', settled: false },
  PROCESSING: { label: 'Processing', tone: 'info', settled: false },
  PLAYABLE: { label: 'Playable', tone: 'good', settled: false },
  PUBLISHED: { label: 'Published', tone: 'good', settled: true },
  REJECTED: { label: 'Rejected', tone: 'bad', settled: true },
  FAILED: { label: 'Failed', tone: 'bad', settled: true },
  DELETED: { label: 'Deleted', tone: 'muted', settled: true },
};

export function statusOf(code) {
  return STATUSES[code] ?? { label: code ?? 'Unknown', tone: 'muted', settled: true };
}

export function statusBadge(code) {
  const s = statusOf(code);
  return h('span', { class: `badge ${s.tone}`, dataset: { status: code ?? '' } }, s.label);
}
