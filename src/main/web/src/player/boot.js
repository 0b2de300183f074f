// What the server put into the home page (GET /) so that a fresh page starts without round trips: the first page
// of the home feed as JSON (#clipfeed-boot), and the first video as markup (#boot-video in #boot-stage), which has
// been loading and playing muted since the HTML arrived. Both are taken once; the player adopts the element.
let data;

function read() {
  if (data !== undefined) return data;
  const el = document.getElementById('clipfeed-boot');
  try {
    data = el ? JSON.parse(el.textContent) : null;
  } catch {
    data = null;
  }
  return data;
}

/** The anonymous feed session the page was ranked for (the server keeps it in a cookie), or null. */
export function bootSession() {
  const id = read()?.session;
  return typeof id === 'string' && /^[A-Za-z0-9_-]{8,64}$/.test(id) ? id : null;
}

/** The inlined first page as {page, source}, once; null when there is none (or it was taken). */
export function takeBootFeed() {
  const d = read();
  const feed = d?.feed;
  if (!feed?.page || typeof feed.source !== 'string') return null;
  d.feed = null;
  return { page: feed.page, source: feed.source };
}

/** The server-rendered video if it shows `videoId` (still in its stage: move it in one step, see Slide.adoptBoot). */
export function bootVideo(videoId) {
  const video = document.getElementById('boot-video');
  return video && video.dataset.videoId === videoId ? video : null;
}

/** Removes the boot stage (and stops its video) when the player will not adopt it. */
export function dropBoot() {
  const stage = document.getElementById('boot-stage');
  if (!stage) return;
  stage.querySelector('video')?.pause();
  stage.remove();
}
