package org.kazooauth.rest;

import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.models.UserModel;

/**
 * The caller as a user of this realm, for the endpoints about one's own token and links. Keycloak administrators
 * of another realm (the admin mount) have neither here.
 */
final class RealmUser {

    private RealmUser() {
    }

    static UserModel of(Call call) {
        KazooRealm kazoo = call.kazoo();
        if (!kazoo.realm().getId().equals(call.caller().adminAuth().getRealm().getId())) {
            throw KazooException.invalidData("this is about your own token and links in realm "
                    + kazoo.realm().getName() + ": call it with a token of that realm at /realms/"
                    + kazoo.realm().getName() + "/kazoo");
        }
        return call.caller().adminAuth().getUser();
    }
}
