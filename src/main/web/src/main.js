import './styles.css';
import { h, replace, toast } from './dom.js';
import { defineRoutes, navigate, startRouter } from './router.js';
import { session } from './session.js';
import { homeView } from './views/home.js';
import { signInView, signUpView } from './views/auth.js';
import { uploadView } from './views/upload.js';
import { myVideosView } from './views/myVideos.js';
import { notFoundView } from './views/notFound.js';
import { profileView } from './social/profile.js';
import { notificationsView } from './social/notifications.js';
import { startUnreadBadge } from './social/unreadBadge.js';
import { startSkipLinks } from './skipLinks.js';

// Keep this list in step with io.clipfeed.web.PageRoutes (the server forwards these paths to index.html).
defineRoutes([
  { pattern: /^\/$/, view: homeView, title: 'For you' },
  { pattern: /^\/signin$/, view: signInView, title: 'Sign in' },
  { pattern: /^\/signup$/, view: signUpView, title: 'Sign up' },
  { pattern: /^\/upload$/, view: uploadView, title: 'Upload', auth: true },
  { pattern: /^\/me\/videos$/, view: myVideosView, title: 'My videos', auth: true },
  { pattern: /^\/@(?<username>[a-z0-9_.]{3,30})$/i, view: profileView, title: 'Profile' },
  { pattern: /^\/u\/(?<id>[A-Za-z0-9]{8,40})$/, view: profileView, title: 'Profile' },
  { pattern: /^\/notifications$/, view: notificationsView, title: 'Notifications', auth: true },
  { notFound: true, pattern: /$^/, view: notFoundView, title: 'Not found' },
]);

function renderAccount(user) {
  const box = document.getElementById('account');
  if (!user) {
    replace(box, h('a', { class: 'button small', href: '/signin', 'data-link': true }, 'Sign in'));
    return;
  }
  replace(
    box,
    h('span', { class: 'avatar', 'aria-hidden': 'true' }, user.username.slice(0, 1).toUpperCase()),
    h('a', { class: 'username', 'data-testid': 'signed-in-as', href: `/@${user.username}`, 'data-link': true }, user.username),
    h('button', { class: 'button small ghost', type: 'button', onclick: signOut }, 'Sign out'),
  );
}

async function signOut() {
  try {
    await session.signOut();
  } catch {
    // Signed out locally either way; the cookie expires on its own.
  }
  toast('Signed out');
  navigate('/');
}

session.onChange(renderAccount);
renderAccount(session.user);
session.refresh().finally(startRouter);
startUnreadBadge();
startSkipLinks();
