package org.kazooauth.rest;

import org.kazooauth.core.account.Account;
import org.kazooauth.core.keycloak.KazooRealm;

/**
 * What an endpoint's action receives once the pipeline has authenticated and authorized the request.
 *
 * @param caller  who is calling
 * @param account the account of an {@code /accounts/{A}/…} path, {@code null} for system endpoints
 * @param kazoo   the realm as Kazoo sees it
 */
public record Call(Caller caller, Account account, KazooRealm kazoo) {
}
