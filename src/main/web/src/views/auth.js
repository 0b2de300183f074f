import { h } from '../dom.js';
import { navigate } from '../router.js';
import { session } from '../session.js';

// Sign in and sign up share one form; only the wording, the password autocomplete hint and the call differ.
function authForm(main, query, mode) {
  const signUp = mode === 'signup';
  const next = safeNext(query.get('next'));
  const error = h('p', { class: 'form-error', role: 'alert', id: 'auth-error', hidden: true });
  const username = h('input', {
    id: 'username', name: 'username', autocomplete: 'username', required: true, minlength: 3, maxlength: 30,
    autocapitalize: 'none', spellcheck: 'false', pattern: '[A-Za-z0-9_.]+', 'aria-describedby': signUp ? 'username-hint' : null,
  });
  const password = h('input', {
    id: 'password', name: 'password', type: 'password', required: true, minlength: signUp ? 10 : 1, maxlength: 128,
    autocomplete: signUp ? 'new-password' : 'current-password', 'aria-describedby': signUp ? 'password-hint' : null,
  });
  const submit = h('button', { class: 'button primary wide', type: 'submit' }, signUp ? 'Create account' : 'Sign in');
  const form = h('form', { class: 'card form', novalidate: false, 'aria-describedby': 'auth-error' },
    h('div', { class: 'field' },
      h('label', { for: 'username' }, 'Username'), username,
      signUp ? h('p', { class: 'hint', id: 'username-hint' }, '3 to 30 letters a–z, digits, “_” or “.”.') : null),
    h('div', { class: 'field' },
      h('label', { for: 'password' }, 'Password'), password,
      signUp ? h('p', { class: 'hint', id: 'password-hint' }, 'At least 10 characters. A short sentence is easy to remember.') : null),
    error, submit);

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    error.hidden = true;
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    try {
      const call = signUp ? session.register : session.signIn;
      await call(username.value.trim(), password.value);
      navigate(next, { replace: true });
    } catch (err) {
      error.textContent = err.message || 'That did not work. Try again.';
      error.hidden = false;
      // A failed sign-in had the wrong password: it goes. A sign-up is refused for the username (taken) or the
      // password's length, which the hint explains: retyping a new password from scratch helps nobody.
      if (!signUp) password.value = '';
      (err.status === 409 ? username : password).focus();
    } finally {
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
    }
  });

  const other = signUp
    ? h('p', { class: 'switch' }, 'Already have an account? ',
      h('a', { href: `/signin${query.toString() ? `?${query}` : ''}`, 'data-link': true }, 'Sign in'))
    : h('p', { class: 'switch' }, 'New here? ',
      h('a', { href: `/signup${query.toString() ? `?${query}` : ''}`, 'data-link': true }, 'Create an account'));

  main.append(h('section', { class: 'page narrow auth' },
    h('h1', null, signUp ? 'Join Clipfeed' : 'Welcome back'),
    h('p', { class: 'muted lead' }, signUp
      ? 'Share short videos with your community.'
      : 'Sign in to upload and manage your videos.'),
    form, other));
}

/** Only same-site paths, so a crafted ?next= cannot send a user elsewhere after signing in. */
function safeNext(next) {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/upload';
}

export function signInView(main, _params, query) {
  return authForm(main, query, 'signin');
}

export function signUpView(main, _params, query) {
  return authForm(main, query, 'signup');
}
