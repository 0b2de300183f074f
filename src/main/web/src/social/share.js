import { toast } from '../dom.js';
import { social } from './socialApi.js';

// Share: the system share sheet where the browser has one, otherwise the link goes to the clipboard. The server
// counts the share and answers with the video's public link. Returns the new share count (null if nothing happened).
export async function shareVideo(video) {
  const native = typeof navigator.share === 'function';
  let res;
  try {
    res = await social.share(video.id, native ? 'native' : 'copy');
  } catch (err) {
    toast(`Could not share: ${err.message}`);
    return null;
  }
  if (native) {
    try {
      await navigator.share({ title: video.title || 'Clipfeed', url: res.url });
    } catch {
      // Closing the share sheet is not an error worth showing.
    }
  } else {
    await copy(res.url);
  }
  return res.shares;
}

async function copy(url) {
  try {
    await navigator.clipboard.writeText(url);
    toast('Link copied');
  } catch {
    // No clipboard permission (or an insecure origin): show the link so it can be copied by hand.
    toast(`Link: ${url}`);
  }
  const el = document.getElementById('toast');
  if (el) el.dataset.sharedUrl = url;
}
