package org.kazooauth.rest;

import org.kazooauth.core.account.Account;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.common.util.Time;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.models.UserModel;

import java.util.List;

/**
 * Kazoo's {@code reset_signature_secret} on Keycloak: Kazoo signed tokens with a system, an account or a user
 * secret, and resetting one killed the tokens signed with it. Keycloak's tokens die the same way when their
 * sessions end and their issue time falls before a not-before: the realm's for the system (which also gets a new
 * signing key), each user's for an account or a user.
 */
final class SignatureResets {

    private SignatureResets() {
    }

    /** Every token of the realm: new signing key, realm not-before now, every session ended. */
    static void system(KazooRealm kazoo) {
        RealmKeys.rotate(kazoo);
        RealmModel realm = kazoo.realm();
        realm.setNotBefore(Time.currentTime());
        kazoo.session().sessions().removeUserSessions(realm);
    }

    /** The tokens of the users of {@code account} itself (not of its sub-accounts, which have secrets of their own). */
    static void account(KazooRealm kazoo, Account account) {
        List<UserModel> members = kazoo.accounts().group(account.id())
                .map(group -> kazoo.session().users().getGroupMembersStream(kazoo.realm(), group).toList())
                .orElse(List.of());
        members.forEach(user -> user(kazoo, user));
    }

    /** The tokens of {@code user}. */
    static void user(KazooRealm kazoo, UserModel user) {
        KeycloakSession session = kazoo.session();
        session.users().setNotBeforeForUser(kazoo.realm(), user, Time.currentTime());
        session.sessions().removeUserSessions(kazoo.realm(), user);
    }
}
