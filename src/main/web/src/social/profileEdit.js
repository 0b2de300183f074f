import { counted, h, toast } from '../dom.js';
import { avatarUrl, social, uploadAvatar } from './socialApi.js';

// Editing your own profile: picture (previewed before upload), bio, and whether others may see the videos you like.
const TYPES = ['image/jpeg', 'image/png', 'image/webp'];
const MAX_BYTES = 5 * 1024 * 1024;
const MAX_BIO = 160;

export function profileEditor(profile, onSaved) {
  let file = null;
  let previewUrl = null;
  const preview = h('img', { class: 'profile-avatar', id: 'avatar-preview', src: avatarUrl(profile.id), alt: 'Your picture', width: 96, height: 96 });
  const picker = h('input', { type: 'file', id: 'avatar-file', accept: TYPES.join(','), class: 'visually-hidden' });
  const error = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const bio = h('textarea', { id: 'bio', rows: 3, maxlength: MAX_BIO, value: profile.bio ?? '' });
  const left = h('span', { class: 'hint', id: 'bio-left', 'aria-live': 'polite' });
  const likesPublic = h('input', { type: 'checkbox', id: 'likes-public', checked: !!profile.likesPublic });
  const save = h('button', { type: 'submit', class: 'button primary', id: 'save-profile' }, 'Save');
  const remove = h('button', { type: 'button', class: 'button small ghost', id: 'remove-avatar' }, 'Remove photo');
  const countLeft = () => { left.textContent = `${counted(MAX_BIO - bio.value.length, 'character')} left`; };
  bio.addEventListener('input', countLeft);
  countLeft();

  picker.addEventListener('change', () => {
    const chosen = picker.files?.[0];
    error.hidden = true;
    if (!chosen) return;
    const problem = !TYPES.includes(chosen.type) ? 'Pick a JPEG, PNG or WebP picture.'
      : chosen.size > MAX_BYTES ? 'The picture is larger than 5 MB; pick a smaller one.' : null;
    if (problem) { showError(problem); picker.value = ''; return; }
    file = chosen;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(chosen);
    preview.src = previewUrl;
  });

  remove.addEventListener('click', async () => {
    try {
      await social.removeAvatar();
      file = null;
      onSaved(await social.profile(profile.id), String(Date.now()));
      toast('Photo removed');
    } catch (err) {
      showError(err.message);
    }
  });

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
  }

  async function submit(e) {
    e.preventDefault();
    save.disabled = true;
    error.hidden = true;
    try {
      if (file) await uploadAvatar(file);
      const updated = await social.editProfile({ bio: bio.value.trim(), likesPublic: likesPublic.checked });
      if (previewUrl) URL.revokeObjectURL(previewUrl);
      onSaved(updated, file ? String(Date.now()) : undefined);
      toast('Profile saved');
    } catch (err) {
      showError(err.message);
      save.disabled = false;
    }
  }

  return h('form', { class: 'card form profile-editor', id: 'profile-editor', onsubmit: submit },
    h('h2', null, 'Edit profile'), error,
    h('div', { class: 'avatar-edit' }, preview,
      h('div', { class: 'actions' },
        picker, h('label', { for: 'avatar-file', class: 'button small', tabindex: '0', onkeydown: (e) => { if (e.key === 'Enter' || e.key === ' ') { e.preventDefault(); picker.click(); } } }, 'Choose photo'),
        remove),
      h('p', { class: 'hint' }, 'JPEG, PNG or WebP up to 5 MB; it is cropped to a square.')),
    h('div', { class: 'field' }, h('label', { for: 'bio' }, 'Bio'), bio, left),
    h('div', { class: 'field checkbox' }, h('label', { for: 'likes-public' }, likesPublic, ' Show the videos I like on my profile')),
    save);
}
