package org.kazooauth.rest;

/** What an endpoint needs of its caller on its target, the system or an account. */
public enum Need {
    READ,
    MANAGE,
    /** See or lift an account's login lock: resellers' admins over their tree, and super admins. */
    UNLOCK
}
