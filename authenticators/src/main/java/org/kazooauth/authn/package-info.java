/**
 * Authenticators of the Kazoo flows: account lock check, HMAC-TOTP, Duo Universal Prompt and the Kazoo
 * multi_factor challenge on the direct grant. Each execution names the Kazoo auth module it serves in its config
 * (default {@code cb_user_auth}).
 */
package org.kazooauth.authn;
