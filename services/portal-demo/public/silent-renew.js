// Runs in the hidden frame oidc-client-ts opens when it renews without a refresh token: hands the
// authorization response back to the portal page.
new oidc.UserManager({ authority: window.portalConfig.issuer, client_id: window.portalConfig.clientId, redirect_uri: "" })
  .signinSilentCallback()
  .catch((error) => console.error("silent renew:", error));
