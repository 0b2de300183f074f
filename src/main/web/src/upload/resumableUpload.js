import { Upload, defaultOptions } from 'tus-js-client';
import { csrfHeaders } from '../api.js';

// One resumable upload to Clipfeed's tus endpoint, wrapping tus-js-client. What it adds: the CSRF header on every
// request (the session cookie authenticates), a per-user fingerprint (two accounts on one browser never resume each
// other's uploads), and the video id: the server names it in the `Clipfeed-Video-Id` header of the creating POST;
// it is remembered per upload URL so that a resume after a page reload (no new POST) still knows it.

const ENDPOINT = new URL('/api/v1/uploads', location.origin).href;
const CHUNK_SIZE = 4 * 1024 * 1024;
const VIDEO_IDS = 'clipfeed.uploadVideoIds';

function rememberVideoId(uploadUrl, videoId) {
  const ids = JSON.parse(localStorage.getItem(VIDEO_IDS) || '{}');
  ids[uploadUrl] = videoId;
  localStorage.setItem(VIDEO_IDS, JSON.stringify(ids));
}

function recalledVideoId(uploadUrl) {
  return JSON.parse(localStorage.getItem(VIDEO_IDS) || '{}')[uploadUrl] ?? null;
}

function absolute(url) {
  return url ? new URL(url, ENDPOINT).href : null;
}

/**
 * @param {File} file
 * @param {{title: string, description: string, parallelUploads: number, userId: string}} options
 * @param {{onProgress(sent:number,total:number), onVideoId(id:string), onSuccess(), onError(err:Error)}} events
 */
export function createUpload(file, options, events) {
  const upload = new Upload(file, {
    endpoint: ENDPOINT,
    chunkSize: CHUNK_SIZE,
    parallelUploads: options.parallelUploads,
    retryDelays: [0, 1000, 3000, 5000, 10000],
    removeFingerprintOnSuccess: true,
    metadata: {
      filename: file.name,
      filetype: file.type || 'application/octet-stream',
      title: options.title,
      description: options.description,
    },
    fingerprint: async (f, opts) => `${await defaultOptions.fingerprint(f, opts)}-${options.userId}`,
    onBeforeRequest: (req) => {
      for (const [name, value] of Object.entries(csrfHeaders())) req.setHeader(name, value);
    },
    onAfterResponse: (req, res) => {
      const videoId = res.getHeader('Clipfeed-Video-Id');
      if (req.getMethod() === 'POST' && videoId) {
        const location = absolute(res.getHeader('Location'));
        if (location) rememberVideoId(location, videoId);
        events.onVideoId(videoId);
      }
    },
    onProgress: events.onProgress,
    onSuccess: () => {
      const known = recalledVideoId(absolute(upload.url));
      if (known) events.onVideoId(known);
      events.onSuccess();
    },
    onError: events.onError,
  });
  return upload;
}

/** Looks for an unfinished upload of the same file by the same user and, if found, continues it. */
export async function resumeIfPossible(upload) {
  const previous = await upload.findPreviousUploads();
  if (previous.length === 0) return false;
  previous.sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime));
  upload.resumeFromPreviousUpload(previous[0]);
  return true;
}
