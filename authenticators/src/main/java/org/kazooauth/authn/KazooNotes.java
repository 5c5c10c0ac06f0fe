package org.kazooauth.authn;

import org.kazooauth.core.attempt.AttemptOutcome;

/** Names of the notes Kazoo steps leave on authentication and user sessions, and of their event errors. */
public final class KazooNotes {

    /** User session note: the auth module the user logged in through. */
    public static final String AUTH_MODULE = "kazoo.auth_module";

    /** Event error of a login refused because the account's auth module is disabled. */
    public static final String MODULE_DISABLED_ERROR = AttemptOutcome.MODULE_DISABLED_ERROR;

    private KazooNotes() {
    }
}
