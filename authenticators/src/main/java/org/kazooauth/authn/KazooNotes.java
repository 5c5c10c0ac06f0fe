package org.kazooauth.authn;

/** Names of the note Kazoo steps leave on sessions and of the details they put on events (the errors: AttemptOutcome). */
public final class KazooNotes {

    /** User session note: the auth module the user logged in through. */
    public static final String AUTH_MODULE = "kazoo.auth_module";

    /** Event details of a login through a Kazoo flow: the module, and the account of the user. */
    public static final String AUTH_MODULE_DETAIL = "kazoo_auth_module";
    public static final String ACCOUNT_ID_DETAIL = "kazoo_account_id";

    private KazooNotes() {
    }
}
