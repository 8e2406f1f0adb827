// The peer the side-by-side benchmark measures our service against: npm's oidc-provider with the
// same two clients (tests/benchmarks/README.md). Not a product part; started by run-side-by-side.sh.
// Environment: PORT (loopback port), BACKEND_CLIENT_ID, BACKEND_CLIENT_SECRET, PORTAL_URL.
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import Provider, { errors } from 'oidc-provider';

const port = Number(process.env.PORT);
const issuer = `http://127.0.0.1:${port}`;
const portalUrl = process.env.PORTAL_URL ?? 'http://127.0.0.1:5173';
const apiResource = 'urn:helpdesk-identity:api';
const apiScope = 'identity.admin';

// RS256 and ten-minute JWT access tokens, as our service issues them.
const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
const signingKey = { ...privateKey.export({ format: 'jwk' }), kid: 'peer-1', alg: 'RS256', use: 'sig' };

const provider = new Provider(issuer, {
  clients: [
    {
      client_id: 'portal',
      token_endpoint_auth_method: 'none',
      grant_types: ['authorization_code', 'refresh_token'],
      response_types: ['code'],
      redirect_uris: [`${portalUrl}/callback`, `${portalUrl}/silent-renew`],
      post_logout_redirect_uris: [`${portalUrl}/`],
      scope: 'openid profile email offline_access',
    },
    {
      client_id: process.env.BACKEND_CLIENT_ID,
      client_secret: process.env.BACKEND_CLIENT_SECRET,
      token_endpoint_auth_method: 'client_secret_basic',
      grant_types: ['client_credentials'],
      response_types: [],
      redirect_uris: [],
      scope: apiScope,
    },
  ],
  jwks: { keys: [signingKey] },
  cookies: { keys: [randomBytes(32).toString('base64url')] },
  pkce: { required: () => true },
  scopes: ['openid', 'profile', 'email', 'offline_access', apiScope],
  ttl: { ClientCredentials: 600, AccessToken: 600 },
  features: {
    clientCredentials: { enabled: true },
    resourceIndicators: {
      enabled: true,
      defaultResource: () => apiResource,
      getResourceServerInfo: (ctx, resource) => {
        if (resource !== apiResource) throw new errors.InvalidTarget();
        return { scope: apiScope, audience: apiResource, accessTokenFormat: 'jwt', accessTokenTTL: 600, jwt: { sign: { alg: 'RS256' } } };
      },
    },
  },
});

provider.listen(port, '127.0.0.1', () => console.log(`oidc-provider peer listening on ${issuer}`));
