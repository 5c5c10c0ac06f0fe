package org.kazooauth.authn;

import org.kazooauth.core.attempt.AttemptOutcome;

/** Names of the notes Kazoo steps leave on sessions, and of the details and errors they put on events. */
public final class KazooNotes {

    /** User session note: the auth module the user logged in through. */
    public static final String AUTH_MODULE = "kazoo.auth_module";

    /** Event error of a login refused because the account's auth module is disabled. */
    public static final String MODULE_DISABLED_ERROR = AttemptOutcome.MODULE_DISABLED_ERROR;

    /** Event details of a login through a Kazoo flow: the module, and the account of the user. */
    public static final String AUTH_MODULE_DETAIL = "kazoo_auth_module";
    public static final String ACCOUNT_ID_DETAIL = "kazoo_account_id";

    private KazooNotes() {
    }
}
