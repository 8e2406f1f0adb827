// Passkeys (docs/decisions/0039), as progressive enhancement: forms marked data-passkey stay hidden unless the
// browser can use passkeys, so without JavaScript (or without WebAuthn) the page's other ways are all there is.
// - data-passkey="get": sign in. Offers the passkeys in the address field's autofill where the browser supports
//   conditional mediation, and asks for one when its button is pressed.
// - data-passkey="create": make a passkey (claim an account from the set-password page, add one on the account page).
// Each ceremony first posts the form (its antiforgery token and hidden fields) to data-options, which starts it on the
// server and answers the WebAuthn options; the credential is then posted with the form as JSON.
(function () {
  "use strict";
  if (!window.PublicKeyCredential || !navigator.credentials || !window.fetch) { return; }

  function bytes(base64url) {
    var base64 = base64url.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(base64 + "===".slice((base64.length + 3) % 4));
    return Uint8Array.from(binary, function (c) { return c.charCodeAt(0); });
  }

  function base64url(buffer) {
    var binary = "";
    new Uint8Array(buffer).forEach(function (b) { binary += String.fromCharCode(b); });
    return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
  }

  function descriptors(list) {
    return (list || []).map(function (c) { return Object.assign({}, c, { id: bytes(c.id) }); });
  }

  function creationOptions(json) {
    if (PublicKeyCredential.parseCreationOptionsFromJSON) { return PublicKeyCredential.parseCreationOptionsFromJSON(json); }
    return Object.assign({}, json, {
      challenge: bytes(json.challenge),
      user: Object.assign({}, json.user, { id: bytes(json.user.id) }),
      excludeCredentials: descriptors(json.excludeCredentials)
    });
  }

  function requestOptions(json) {
    if (PublicKeyCredential.parseRequestOptionsFromJSON) { return PublicKeyCredential.parseRequestOptionsFromJSON(json); }
    return Object.assign({}, json, { challenge: bytes(json.challenge), allowCredentials: descriptors(json.allowCredentials) });
  }

  function serialize(credential) {
    if (typeof credential.toJSON === "function") { return credential.toJSON(); }
    var r = credential.response;
    var response = { clientDataJSON: base64url(r.clientDataJSON) };
    if (r.attestationObject) {
      response.attestationObject = base64url(r.attestationObject);
      response.transports = r.getTransports ? r.getTransports() : [];
    } else {
      response.authenticatorData = base64url(r.authenticatorData);
      response.signature = base64url(r.signature);
      response.userHandle = r.userHandle ? base64url(r.userHandle) : null;
    }
    return {
      id: credential.id, rawId: base64url(credential.rawId), type: credential.type, response: response,
      clientExtensionResults: credential.getClientExtensionResults ? credential.getClientExtensionResults() : {}
    };
  }

  // One options request at a time per form, in order: the newest ceremony is the one this browser's cookie names.
  function optionsFetcher(form) {
    var last = Promise.resolve();
    return function () {
      var next = last.catch(function () { }).then(function () {
        return fetch(form.dataset.options, { method: "POST", body: new URLSearchParams(new FormData(form)), credentials: "same-origin" })
          .then(function (response) {
            if (!response.ok) { throw new Error("The passkey options were refused: " + response.status); }
            return response.json();
          });
      });
      last = next;
      return next;
    };
  }

  function post(form, credential) {
    form.querySelectorAll("[data-copy-from]").forEach(function (field) {
      var source = document.getElementById(field.dataset.copyFrom);
      if (source) { field.value = source.type === "checkbox" ? String(source.checked) : source.value; }
    });
    form.querySelector("input[name=Credential]").value = JSON.stringify(serialize(credential));
    form.submit();
  }

  function failed(form) {
    var message = form.querySelector("[data-passkey-failed]");
    if (message) { message.hidden = false; }
  }

  function show(form) {
    form.hidden = false;
    var section = form.closest("[data-passkey-section]");
    if (section) { section.hidden = false; }
  }

  document.querySelectorAll("form[data-passkey=get]").forEach(function (form) {
    var options = optionsFetcher(form);
    var pending = null;
    function signIn(mediation) {
      if (pending) { pending.abort(); }
      var controller = pending = new AbortController();
      return options().then(function (json) {
        return navigator.credentials.get({ publicKey: requestOptions(json), mediation: mediation, signal: controller.signal });
      }).then(function (credential) {
        if (credential) { post(form, credential); }
      });
    }
    show(form);
    form.querySelector("[data-passkey-start]").addEventListener("click", function () {
      signIn("optional").catch(function (error) { if (error.name !== "AbortError") { failed(form); } });
    });
    if (PublicKeyCredential.isConditionalMediationAvailable) {
      PublicKeyCredential.isConditionalMediationAvailable().then(function (available) {
        if (available) { signIn("conditional").catch(function () { }); }
      });
    }
  });

  document.querySelectorAll("form[data-passkey=create]").forEach(function (form) {
    var options = optionsFetcher(form);
    show(form);
    form.querySelector("[data-passkey-start]").addEventListener("click", function () {
      options().then(function (json) {
        return navigator.credentials.create({ publicKey: creationOptions(json) });
      }).then(function (credential) {
        if (credential) { post(form, credential); } else { failed(form); }
      }).catch(function () { failed(form); });
    });
  });

  document.querySelectorAll("[data-passkey-unsupported]").forEach(function (note) { note.hidden = true; });
})();
