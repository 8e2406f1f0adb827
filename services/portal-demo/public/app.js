// The demo portal: signs in through HelpdeskIdentity (authorization code + PKCE, refresh tokens for silent
// renewal, RP-initiated sign-out) and shows who is signed in. Every claim is written as text, never as HTML.
import { languages, texts, pickLanguage, saveLanguage } from "./i18n.js";

const config = window.portalConfig;
const manager = new oidc.UserManager({
  authority: config.issuer,
  client_id: config.clientId,
  redirect_uri: `${config.portalUrl}/callback`,
  silent_redirect_uri: `${config.portalUrl}/silent-renew`,
  post_logout_redirect_uri: `${config.portalUrl}/`,
  response_type: "code",
  scope: "openid profile email organization offline_access",
  loadUserInfo: true,
  automaticSilentRenew: true,
  // A sign-in may go through "forgot your password?" and an e-mail before it comes back to /callback.
  staleStateAgeInSeconds: 3600,
});

const page = {
  language: document.getElementById("language"),
  message: document.getElementById("message"),
  error: document.getElementById("error"),
  views: ["busy", "signed-out", "signed-in"].map((id) => document.getElementById(id)),
};
let language = pickLanguage();
let user = null;
let view = "busy";
let message = null; // a key of texts, shown as a status
let error = null; // a key of texts, shown as an alert

for (const [code, name] of Object.entries(languages)) {
  const option = new Option(name, code);
  option.lang = code;
  page.language.add(option);
}
page.language.addEventListener("change", () => {
  language = page.language.value;
  saveLanguage(language);
  render();
});
document.getElementById("sign-in").addEventListener("click", () => signIn());
// OpenID Connect Prompt Create: the provider opens its registration page and comes back here signed in.
document.getElementById("register").addEventListener("click", () => signIn("create"));
document.getElementById("sign-out").addEventListener("click", () => signOut());
manager.events.addUserLoaded((loaded) => {
  user = loaded;
  render();
});
manager.events.addSilentRenewError(async (renewError) => {
  console.warn("silent renew failed:", renewError);
  await manager.removeUser();
  show(null, "sessionEnded");
});

render();
start();

async function start() {
  const query = new URLSearchParams(location.search);
  try {
    if (location.pathname === "/callback") {
      const signedIn = await manager.signinRedirectCallback();
      history.replaceState(null, "", "/");
      show(signedIn);
    } else if (query.has("state")) {
      // Back from the provider's end-session endpoint (post_logout_redirect_uri).
      await manager.signoutRedirectCallback();
      history.replaceState(null, "", "/");
      show(null, null, "signedOut");
    } else {
      const stored = await manager.getUser();
      show(stored && !stored.expired ? stored : await renew(stored));
    }
  } catch (failure) {
    console.error("sign-in failed:", failure);
    history.replaceState(null, "", "/");
    show(null, "signInFailed");
  }
}

/** An expired user from this tab's storage gets one silent renewal; null when that does not work. */
async function renew(stored) {
  if (!stored) {
    return null;
  }
  try {
    return await manager.signinSilent();
  } catch {
    await manager.removeUser();
    return null;
  }
}

async function signIn(prompt) {
  error = message = null;
  view = "busy";
  render();
  try {
    await manager.signinRedirect(prompt ? { ui_locales: language, prompt } : { ui_locales: language });
  } catch (failure) {
    console.error("sign-in could not start:", failure);
    show(null, "signInFailed");
  }
}

async function signOut() {
  error = message = null;
  view = "busy";
  render();
  try {
    // State makes the provider send the browser back with ?state=…, which start() recognises as "signed out".
    await manager.signoutRedirect({ state: "signed-out" });
  } catch (failure) {
    console.error("sign-out could not start:", failure);
    await manager.removeUser();
    show(null, null, "signedOut");
  }
}

function show(signedIn, errorKey = null, messageKey = null) {
  user = signedIn;
  view = signedIn ? "signed-in" : "signed-out";
  error = errorKey;
  message = messageKey;
  render();
}

function render() {
  const t = texts[language];
  document.documentElement.lang = language;
  page.language.value = language;
  for (const element of document.querySelectorAll("[data-text]")) {
    element.textContent = t[element.dataset.text];
  }
  for (const section of page.views) {
    section.hidden = section.id !== view;
  }
  setNotice(page.message, message && t[message]);
  setNotice(page.error, error && t[error]);
  if (user) {
    const profile = user.profile;
    const organization = profile.organization;
    document.getElementById("profile-name").textContent = profile.name || "—";
    document.getElementById("profile-email").textContent = profile.email || "—";
    document.getElementById("profile-verified").textContent = profile.email_verified === true ? t.yes : t.no;
    document.getElementById("profile-organization").textContent = organization && typeof organization === "object"
      ? (organization.domain && organization.domain !== organization.name ? `${organization.name} (${organization.domain})` : organization.name)
      : t.noOrganization;
  }
}

function setNotice(element, text) {
  element.textContent = text || "";
  element.hidden = !text;
}
