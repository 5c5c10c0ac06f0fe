package org.kazooauth.rest;

/** What an endpoint needs of its caller on its target, the system or an account. */
public enum Need {
    READ,
    MANAGE
}
