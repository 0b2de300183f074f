import './social.css';
import { h, plural, replace, toast } from '../dom.js';
import { navigate } from '../router.js';
import { session } from '../session.js';
import { avatarUrl, countLabel, social } from './socialApi.js';
import { videoGrid } from './videoGrid.js';
import { profileEditor } from './profileEdit.js';

// A user's page at /@username or /u/{id}: picture, bio, counts, follow and block, their videos and (if they allow
// it, or it is you) the videos they liked. Your own page has "Edit profile".
export async function profileView(main, params) {
  const page = h('section', { class: 'page profile', id: 'profile-page', 'aria-busy': 'true' });
  main.append(page);
  try {
    const profile = params.id ? await social.profile(params.id) : await social.profileByName(params.username);
    document.title = `@${profile.username} · Clipfeed`;
    renderProfile(page, profile);
  } catch (err) {
    replace(page, h('div', { class: 'empty' },
      h('h1', null, err.status === 404 ? 'No such user' : 'Could not load this profile'),
      h('p', { class: 'muted' }, err.status === 404 ? 'The link may be wrong, or the account is gone.' : err.message)));
  } finally {
    page.setAttribute('aria-busy', 'false');
  }
}

function renderProfile(page, profile, avatarVersion) {
  const mine = session.user?.id === profile.id;
  const rerender = (next, version) => renderProfile(page, next, version ?? avatarVersion);
  const head = h('header', { class: 'profile-head' },
    h('img', { class: 'profile-avatar', id: 'profile-avatar', src: avatarUrl(profile.id, avatarVersion), alt: `Picture of @${profile.username}`, width: 96, height: 96 }),
    h('div', { class: 'profile-id' },
      h('h1', null, `@${profile.username}`),
      profile.bio ? h('p', { class: 'profile-bio' }, profile.bio) : null,
      countsRow(profile)),
    h('div', { class: 'profile-actions' }, ...(mine ? ownActions(page, profile, rerender) : otherActions(profile, rerender))));
  replace(page, head, tabs(profile, mine));
}

function countsRow(profile) {
  const c = profile.counts ?? {};
  const item = (key, n, label) => h('li', { 'data-count': key }, h('strong', null, countLabel(n)), ` ${label}`);
  return h('ul', { class: 'profile-counts' },
    item('followers', c.followers, plural(c.followers, 'follower')),
    item('following', c.following, 'following'),
    item('videos', c.videos, plural(c.videos, 'video')),
    item('likes', c.likesReceived, plural(c.likesReceived, 'like')));
}

function ownActions(page, profile, rerender) {
  const edit = h('button', { type: 'button', class: 'button small', id: 'edit-profile', 'aria-expanded': 'false' }, 'Edit profile');
  edit.addEventListener('click', () => {
    const existing = page.querySelector('.profile-editor');
    if (existing) { existing.remove(); edit.setAttribute('aria-expanded', 'false'); return; }
    edit.setAttribute('aria-expanded', 'true');
    page.querySelector('.profile-head').after(profileEditor(profile, rerender));
  });
  return [edit];
}

function otherActions(profile, rerender) {
  const viewer = profile.viewer ?? {};
  if (viewer.blocked) {
    return [h('button', { type: 'button', class: 'button small', id: 'block-toggle', onclick: () => block(profile, false, rerender) }, 'Unblock')];
  }
  const following = !!viewer.following;
  const follow = h('button', {
    type: 'button', id: 'follow-toggle', class: `button small ${following ? '' : 'primary'}`, 'aria-pressed': String(following),
    onclick: () => toggleFollow(profile, !following, rerender),
  }, following ? 'Following' : viewer.followsYou ? 'Follow back' : 'Follow');
  const blockButton = h('button', { type: 'button', class: 'button small ghost', id: 'block-toggle', onclick: () => block(profile, true, rerender) }, 'Block');
  return [follow, blockButton];
}

function signedIn() {
  if (session.user) return true;
  navigate(`/signin?next=${encodeURIComponent(location.pathname)}`);
  return false;
}

async function toggleFollow(profile, on, rerender) {
  if (!signedIn()) return;
  try {
    const res = await social.follow(profile.id, on);
    rerender({ ...profile, counts: { ...profile.counts, followers: res.followers }, viewer: { ...profile.viewer, following: res.following } });
  } catch (err) {
    toast(err.message);
  }
}

async function block(profile, on, rerender) {
  if (!signedIn()) return;
  if (on && !window.confirm(`Block @${profile.username}? They will no longer be able to follow you or comment on your videos.`)) return;
  try {
    await social.block(profile.id, on);
    toast(on ? `Blocked @${profile.username}` : `Unblocked @${profile.username}`);
    rerender(await social.profile(profile.id));
  } catch (err) {
    toast(err.message);
  }
}

function tabs(profile, mine) {
  const panel = h('div', { class: 'profile-panel', id: 'profile-panel', role: 'tabpanel' });
  const defs = [
    { key: 'videos', label: 'Videos', show: () => videoGrid(panel, (cursor) => social.videos(profile.id, cursor), 'No videos yet.') },
    { key: 'liked', label: 'Liked', show: () => showLiked(panel, profile, mine) },
  ];
  const buttons = defs.map((d) => h('button', {
    type: 'button', role: 'tab', id: `tab-${d.key}`, 'aria-controls': 'profile-panel', 'data-tab': d.key,
    onclick: () => select(d), onkeydown: (e) => arrows(e),
  }, d.label));
  function select(d) {
    buttons.forEach((b) => {
      const on = b.dataset.tab === d.key;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
    });
    panel.setAttribute('aria-labelledby', `tab-${d.key}`);
    d.show();
  }
  function arrows(e) {
    if (e.key !== 'ArrowRight' && e.key !== 'ArrowLeft') return;
    const next = buttons[(buttons.indexOf(e.target) + 1) % buttons.length];
    next.focus();
    next.click();
  }
  select(defs[0]);
  return [h('div', { class: 'profile-tabs', role: 'tablist', 'aria-label': 'Profile' }, ...buttons), panel];
}

function showLiked(panel, profile, mine) {
  if (!mine && !profile.likesPublic) {
    replace(panel, h('p', { class: 'empty muted', id: 'likes-private' }, 'This user keeps their likes private.'));
    return;
  }
  videoGrid(panel, (cursor) => social.likes(profile.id, cursor), 'No liked videos yet.');
}
