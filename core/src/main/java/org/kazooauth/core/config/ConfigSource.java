package org.kazooauth.core.config;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.account.Account;

/** Where the levels of the auth config live: group attributes and realm attributes in production. */
public interface ConfigSource {

    /** The account's own config ({@code {"auth_modules": …}}), {@code {}} when it has none. */
    ObjectNode accountConfig(Account account);

    /** The system config (the realm's), {@code {}} when it has none. */
    ObjectNode systemConfig();
}
