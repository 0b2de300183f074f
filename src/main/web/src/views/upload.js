import { h, icon, formatBytes, replace, toast } from '../dom.js';
import { navigate } from '../router.js';
import { session } from '../session.js';
import { createUpload, resumeIfPossible } from '../upload/resumableUpload.js';

// The upload page. Its root element carries the upload's state in data attributes (state, progress, the list of
// progress values seen, video id) so that browser tests observe exactly what the user sees.
const MAX_PARALLEL = 6;

function parallelFrom(query) {
  const n = Number.parseInt(query.get('parallel') ?? '', 10);
  return Number.isInteger(n) && n >= 1 && n <= MAX_PARALLEL ? n : 1;
}

function titleFromFileName(name) {
  return name.replace(/\.[^.]+$/, '').replace(/[_-]+/g, ' ').trim().slice(0, 120);
}

export function uploadView(main, _params, query) {
  let upload = null;
  const ui = buildUi(parallelFrom(query));
  const root = h('section', { class: 'page narrow upload', id: 'upload-page', dataset: { state: 'idle' } },
    h('h1', null, 'Upload a video'),
    h('p', { class: 'muted lead' }, 'Uploads are resumable: pause any time, or close the tab and pick the same file again later.'),
    ui.form, ui.panel);
  main.append(root);

  const setState = (state) => { root.dataset.state = state; };
  const progressSeen = [];

  ui.file.addEventListener('change', () => {
    const file = ui.file.files[0];
    replace(ui.fileLabel, file ? `${file.name} · ${formatBytes(file.size)}` : 'Choose a video');
    if (file && !ui.title.value) ui.title.value = titleFromFileName(file.name);
  });

  ui.form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const file = ui.file.files[0];
    if (!file) {
      ui.file.focus();
      return;
    }
    // The form gives way to the progress card, so the progress and the Pause button are in view on a phone.
    ui.form.querySelector('fieldset').disabled = true;
    ui.form.hidden = true;
    replace(ui.fileName, ui.title.value.trim() || file.name);
    replace(ui.fileSize, `${file.name} · ${formatBytes(file.size)}`);
    ui.panel.hidden = false;
    ui.panelHeading.focus();
    upload = createUpload(file, {
      title: ui.title.value.trim() || titleFromFileName(file.name),
      description: ui.description.value.trim(),
      parallelUploads: Number(ui.parallel.value),
      userId: session.user?.id ?? session.user?.username,
    }, {
      onProgress(sent, total) {
        const percent = total > 0 ? Math.floor((sent / total) * 100) : 0;
        progressSeen.push(percent);
        root.dataset.progress = String(percent);
        root.dataset.progressEvents = progressSeen.join(',');
        ui.bar.value = percent;
        replace(ui.percent, `${percent}%`);
        replace(ui.bytes, `${formatBytes(sent)} of ${formatBytes(total)}`);
      },
      onVideoId(id) {
        root.dataset.videoId = id;
        replace(ui.videoId, 'Video id ', h('code', { id: 'video-id' }, id));
      },
      onSuccess() {
        setState('done');
        ui.pause.hidden = true;
        replace(ui.status, icon('M9 16.2 4.8 12l-1.4 1.4L9 19 21 7l-1.4-1.4z'), 'Upload complete. Your video is being processed.');
        ui.done.hidden = false;
        ui.done.querySelector('a').focus();
        toast('Upload complete');
      },
      onError(err) {
        setState('error');
        ui.pause.hidden = true;
        ui.status.textContent = `Upload failed: ${describe(err)}`;
        ui.retry.hidden = false;
      },
    });
    const resumed = await resumeIfPossible(upload);
    root.dataset.resumed = String(resumed);
    ui.status.textContent = resumed ? 'Resuming your earlier upload of this file…' : 'Uploading…';
    setState('uploading');
    upload.start();
  });

  ui.pause.addEventListener('click', () => {
    if (!upload) return;
    if (root.dataset.state === 'uploading') {
      upload.abort();
      setState('paused');
      ui.pause.textContent = 'Resume';
      ui.status.textContent = 'Paused. Resume now, or later — even after closing this page.';
    } else if (root.dataset.state === 'paused') {
      upload.start();
      setState('uploading');
      ui.pause.textContent = 'Pause';
      ui.status.textContent = 'Uploading…';
    }
  });

  ui.retry.addEventListener('click', () => {
    ui.retry.hidden = true;
    setState('uploading');
    ui.pause.hidden = false;
    ui.status.textContent = 'Retrying…';
    upload.start();
  });

  // Leaving the page stops the transfer; what was sent stays on the server and resumes next time.
  return () => { if (upload && root.dataset.state === 'uploading') upload.abort(); };
}

function describe(err) {
  const status = err?.originalResponse?.getStatus?.();
  if (status === 401) return 'your session has ended — sign in again.';
  if (status === 413) return 'the file is larger than this server accepts.';
  if (status === 415) return 'this type of file is not accepted.';
  if (status === 429) return 'too many uploads at once — try again in a moment.';
  const body = err?.originalResponse?.getBody?.();
  try {
    const problem = JSON.parse(body);
    if (problem?.detail) return problem.detail;
  } catch {
    // not a problem+json body
  }
  return status ? `the server answered ${status}.` : 'the connection was lost.';
}

function buildUi(parallel) {
  return { ...buildForm(parallel), ...buildProgressPanel() };
}

function buildForm(parallel) {
  const file = h('input', { id: 'file', name: 'file', type: 'file', accept: 'video/*', required: true, class: 'visually-hidden' });
  const fileLabel = h('span', { class: 'drop-text' }, 'Choose a video');
  const title = h('input', { id: 'title', name: 'title', maxlength: 120, autocomplete: 'off' });
  const description = h('textarea', { id: 'description', name: 'description', rows: 3, maxlength: 2000,
    'aria-describedby': 'description-hint' });
  const options = Array.from({ length: MAX_PARALLEL }, (_, i) => i + 1)
    .map((n) => h('option', { value: n, selected: n === parallel }, n === 1 ? '1 (default)' : String(n)));
  const parallelSelect = h('select', { id: 'parallel', name: 'parallel', 'aria-describedby': 'parallel-hint' }, options);
  const form = h('form', { class: 'card form', id: 'upload-form' },
    h('fieldset', null,
      h('legend', { class: 'visually-hidden' }, 'Video and details'),
      file,
      h('label', { class: 'drop', for: 'file' }, icon(UPLOAD_ICON),
        fileLabel, h('span', { class: 'hint' }, 'MP4, MOV or WebM · up to a few minutes')),
      h('div', { class: 'field' }, h('label', { for: 'title' }, 'Title'), title),
      h('div', { class: 'field' }, h('label', { for: 'description' }, 'Description'), description,
        h('p', { class: 'hint', id: 'description-hint' }, 'Add #hashtags so people find it.')),
      h('details', { class: 'advanced' }, h('summary', null, 'Advanced'),
        h('div', { class: 'field' }, h('label', { for: 'parallel' }, 'Parallel connections'), parallelSelect,
          h('p', { class: 'hint', id: 'parallel-hint' }, 'Splits the file into parts sent at the same time. Helps on fast, far-away connections.'))),
      h('button', { class: 'button primary wide', type: 'submit', id: 'start-upload' }, 'Upload')));
  return { form, file, fileLabel, title, description, parallel: parallelSelect };
}

function buildProgressPanel() {
  const ui = {
    fileName: h('h2', { class: 'progress-title', tabindex: '-1' }),
    fileSize: h('p', { class: 'muted small' }),
    bar: h('progress', { id: 'upload-progress', max: 100, value: 0, 'aria-labelledby': 'progress-label' }),
    percent: h('span', { class: 'percent' }, '0%'),
    bytes: h('span', { class: 'muted' }),
    status: h('p', { class: 'status', id: 'upload-status', role: 'status', 'aria-live': 'polite' }),
    videoId: h('p', { class: 'video-id muted' }),
    pause: h('button', { class: 'button', type: 'button', id: 'pause-upload' }, 'Pause'),
    retry: h('button', { class: 'button', type: 'button', id: 'retry-upload', hidden: true }, 'Try again'),
    done: h('p', { hidden: true, class: 'actions' },
      h('a', { class: 'button primary', href: '/me/videos', 'data-link': true, id: 'to-my-videos' }, 'Go to My videos'),
      h('a', { class: 'button', href: '/upload', onclick: uploadAnother }, 'Upload another')),
  };
  ui.panelHeading = ui.fileName;
  ui.panel = h('section', { class: 'card progress-panel', hidden: true, 'aria-label': 'Upload progress' },
    ui.fileName, ui.fileSize,
    h('div', { class: 'progress-head' }, h('span', { id: 'progress-label' }, 'Upload progress'), ui.percent),
    ui.bar, ui.bytes, ui.status, ui.videoId, h('div', { class: 'actions' }, ui.pause, ui.retry), ui.done);
  return ui;
}

function uploadAnother(e) {
  e.preventDefault();
  navigate('/upload', { replace: true });
}

const UPLOAD_ICON = 'M19 13v6H5v-6H3v6a2 2 0 0 0 2 2h14a2 2 0 0 0 2-2v-6zm-8-9.2V16h2V3.8l4.6 4.6L19 7 12 0 5 7l1.4 1.4z';
