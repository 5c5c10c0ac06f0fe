package org.kazooauth.rest;

import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.crypto.KeyStatus;
import org.keycloak.crypto.KeyUse;
import org.keycloak.crypto.KeyWrapper;
import org.keycloak.keys.KeyProvider;
import org.keycloak.models.RealmModel;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

/**
 * The realm's token-signing keys as Kazoo's {@code /auth/keys} shows them: Keycloak's key manager holds them,
 * key providers (components of the realm) make them. Only asymmetric signature keys are Kazoo's keys: the realm's
 * HMAC and encryption keys never sign an access token.
 */
final class RealmKeys {

    private RealmKeys() {
    }

    /** The keys that sign or verify the realm's tokens now, the active one first. */
    static List<KeyWrapper> signingKeys(KazooRealm kazoo) {
        return kazoo.session().keys().getKeysStream(kazoo.realm())
                .filter(key -> key.getUse() == KeyUse.SIG && key.getPublicKey() != null && key.getStatus() != null
                        && key.getStatus() != KeyStatus.DISABLED)
                .sorted((a, b) -> Boolean.compare(b.getStatus().isActive(), a.getStatus().isActive()))
                .toList();
    }

    static KeyWrapper find(KazooRealm kazoo, String kid) {
        return signingKeys(kazoo).stream().filter(key -> key.getKid().equals(kid)).findFirst()
                .orElseThrow(() -> KazooException.badIdentifier(kid, "no signing key of the realm has this id"));
    }

    /** The public key as PEM (SubjectPublicKeyInfo, {@code BEGIN PUBLIC KEY}), which every JWT library reads. */
    static String pem(KeyWrapper key) {
        PublicKey publicKey = (PublicKey) key.getPublicKey();
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(publicKey.getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * A new generated signing key for the realm's token algorithm, above every other, and every earlier
     * asymmetric signing key retired (disabled): tokens they signed no longer verify anywhere. Keycloak validates
     * a key provider again when it changes, so one that has gone bad since it was made (an imported certificate
     * that expired) cannot be retired: a 409 naming it, and the request's rollback takes the new key back.
     */
    static void rotate(KazooRealm kazoo) {
        RealmModel realm = kazoo.realm();
        List<KeyWrapper> retiring = signingKeys(kazoo);
        String algorithm = Optional.ofNullable(realm.getDefaultSignatureAlgorithm()).orElse("RS256");
        long top = retiring.stream().mapToLong(KeyWrapper::getProviderPriority).max().orElse(100);
        ComponentModel fresh = new ComponentModel();
        fresh.setName("kazoo-" + algorithm.toLowerCase() + "-" + System.currentTimeMillis());
        fresh.setParentId(realm.getId());
        fresh.setProviderId(algorithm.startsWith("ES") ? "ecdsa-generated" : "rsa-generated");
        fresh.setProviderType(KeyProvider.class.getName());
        fresh.put("priority", Long.toString(top + 10));
        fresh.put("algorithm", algorithm);
        fresh.put("enabled", "true");
        fresh.put("active", "true");
        realm.addComponentModel(fresh);
        for (KeyWrapper key : retiring) {
            ComponentModel provider = realm.getComponent(key.getProviderId());
            if (provider != null) {
                provider.put("enabled", "false");
                provider.put("active", "false");
                try {
                    realm.updateComponent(provider);
                } catch (ComponentValidationException e) {
                    throw KazooException.conflict("key provider '" + provider.getName() + "' (" + provider.getId()
                            + ") cannot be retired: " + e.getMessage() + "; fix or delete it in the admin console "
                            + "(Realm settings, Keys, Providers) and reset again. Nothing was changed.");
                }
            }
        }
    }
}
