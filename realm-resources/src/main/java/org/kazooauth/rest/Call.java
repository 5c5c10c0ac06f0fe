package org.kazooauth.rest;

import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.Paging;
import org.kazooauth.core.keycloak.KazooRealm;

import java.util.HashMap;
import java.util.Map;

/**
 * What an endpoint's action receives once the pipeline has authenticated and authorized the request.
 *
 * @param caller  who is calling
 * @param account the account of an {@code /accounts/{A}/…} path, {@code null} for system endpoints
 * @param kazoo   the realm as Kazoo sees it
 */
public record Call(Caller caller, Account account, KazooRealm kazoo) {

    /** The request's query parameters, the first value of each. */
    public Map<String, String> query() {
        Map<String, String> parameters = new HashMap<>();
        kazoo.session().getContext().getUri().getQueryParameters()
                .forEach((name, values) -> parameters.put(name, values.get(0)));
        return parameters;
    }

    /** A listing's {@code page_size} and {@code start_key}; a 400 when they are wrong. */
    public Paging paging() {
        return Paging.parse(query());
    }
}
