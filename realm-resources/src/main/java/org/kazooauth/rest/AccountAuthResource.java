package org.kazooauth.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.json.Json;
import org.keycloak.models.UserModel;

import java.util.List;
import java.util.Optional;

/**
 * {@code PUT /v2/accounts/{A}/auth} and {@code PUT /v2/accounts/{A}/users/{U}/auth} with
 * {@code reset_signature_secret}: the tokens of the account's users, or of one user, stop working. The account's
 * managers may reset either; a user may reset their own.
 */
public final class AccountAuthResource {

    private static final List<String> ACTIONS = List.of("reset_signature_secret");

    private final KazooPipeline pipeline;
    private final String accountId;
    private final Optional<String> userId;

    AccountAuthResource(KazooPipeline pipeline, String accountId, Optional<String> userId) {
        this.pipeline = pipeline;
        this.accountId = accountId;
        this.userId = userId;
    }

    @PUT
    @Path("")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reset(String body) {
        if (userId.isEmpty()) {
            return pipeline.account(accountId, Need.MANAGE, call -> {
                RequestBody.action(body, ACTIONS);
                SignatureResets.account(call.kazoo(), call.account());
                return Answer.data(Json.object());
            });
        }
        return pipeline.account(accountId, Need.READ, call -> {
            RequestBody.action(body, ACTIONS);
            UserModel user = member(call, call.account(), userId.get());
            boolean self = user.getId().equals(call.caller().adminAuth().getUser().getId());
            if (!self && !call.caller().canManage(call.account())) {
                throw KazooException.forbidden("only the user or admins of account " + accountId
                        + " or of a parent account may reset this user's signature secret");
            }
            SignatureResets.user(call.kazoo(), user);
            return Answer.data(Json.object());
        });
    }

    /** Seed 003's SSO apps of the account's reseller, the account taken from the path. */
    @Path("apps")
    public SsoAppsResource apps() {
        return new SsoAppsResource(pipeline, Optional.of(accountId));
    }

    private static UserModel member(Call call, Account account, String userId) {
        UserModel user = call.kazoo().session().users().getUserById(call.kazoo().realm(), userId);
        if (user == null || !call.kazoo().principals().accountOf(user).map(Account::id).equals(Optional.of(account.id()))) {
            throw KazooException.badIdentifier(userId, "account " + account.id() + " has no such user");
        }
        return user;
    }

    /** Any other path below this one: Kazoo's 404, not the server's bare one. */
    @Path("{unknown: .+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
