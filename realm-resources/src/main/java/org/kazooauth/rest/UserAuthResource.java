package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import org.kazooauth.core.account.Account;
import org.kazooauth.core.api.KazooException;
import org.kazooauth.core.api.TokenEndpointBody;
import org.kazooauth.core.api.ValidationErrors;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.KazooRealm;
import org.keycloak.OAuth2Constants;
import org.keycloak.OAuthErrorException;
import org.keycloak.models.ClientModel;
import org.keycloak.models.UserModel;
import org.keycloak.models.utils.KeycloakModelUtils;
import org.keycloak.representations.idm.CredentialRepresentation;

import java.util.List;
import java.util.Optional;

/**
 * {@code PUT /v2/user_auth}: Kazoo's login for REST clients (DESIGN §3). It runs the realm's direct-grant flow
 * for the client named by {@code kazoo.crossbar.client_id}, so the lock, the account's settings and the second
 * factor apply exactly as on the token endpoint, and answers in Kazoo's envelope with the access token as
 * {@code auth_token}. A second factor is Kazoo's 401 challenge; the client repeats the request with
 * {@code multi_factor_response}.
 */
public final class UserAuthResource {

    /** The fields a request may carry, passed to the flow under the same names. */
    private static final List<String> PASSED_ON = List.of("username", CredentialRepresentation.PASSWORD,
            "hmac_token", "multi_factor_response");

    private final KazooPipeline pipeline;

    UserAuthResource(KazooPipeline pipeline) {
        this.pipeline = pipeline;
    }

    @PUT
    @Path("")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response logIn(String body) {
        return pipeline.anonymous(kazoo -> {
            ObjectNode data = validated(RequestBody.data(body));
            ClientModel client = CrossbarClient.of(kazoo, true);
            // looked up as the flow's username step does: by username or email
            UserModel user = KeycloakModelUtils.findUserByNameOrEmail(kazoo.session(), kazoo.realm(),
                    data.path("username").asText());
            accountName(data).ifPresent(name -> requireMember(kazoo, user, name));
            DirectGrant.Outcome outcome = DirectGrant.run(kazoo.session(), client, form(data));
            if (outcome.status() != 200) {
                throw refusal(outcome);
            }
            return Answer.login(AuthResponse.of(kazoo, user), outcome.body().path("access_token").asText());
        });
    }

    private static ObjectNode validated(ObjectNode data) {
        if (data.has("credentials")) {
            throw KazooException.invalidData("md5 or sha1 'credentials' cannot be checked against Keycloak's password"
                    + " hashes: send 'username' and 'password' instead");
        }
        ValidationErrors errors = new ValidationErrors();
        for (String field : List.of("username", CredentialRepresentation.PASSWORD)) {
            JsonNode value = data.get(field);
            if (value == null || value.isNull()) {
                if (!field.equals(CredentialRepresentation.PASSWORD) || !data.hasNonNull("hmac_token")) {
                    errors.required(field);
                }
            } else if (!value.isTextual() || value.asText().isEmpty()) {
                errors.wrongType(field, "string", value);
            }
        }
        errors.throwIfAny();
        return data;
    }

    private static Optional<String> accountName(ObjectNode data) {
        return Optional.ofNullable(data.get("account_name")).filter(JsonNode::isTextual).map(JsonNode::asText)
                .filter(name -> !name.isBlank());
    }

    /**
     * Kazoo looks the user up inside the named account. Keycloak's usernames are unique in the realm, so the name
     * only has to agree; when it does not (or names no account) the answer is the same 401 as a wrong password,
     * so that nobody can probe which account names exist.
     */
    private static void requireMember(KazooRealm kazoo, UserModel user, String accountName) {
        boolean member = user != null && kazoo.principals().accountOf(user).map(Account::name)
                .filter(accountName::equals).isPresent();
        if (!member) {
            throw KazooException.loginRefused();
        }
    }

    private static MultivaluedMap<String, String> form(ObjectNode data) {
        MultivaluedMap<String, String> form = new MultivaluedHashMap<>();
        for (String field : PASSED_ON) {
            JsonNode value = data.get(field);
            if (value != null && !value.isNull()) {
                // Duo's response is an object: the flow reads it as JSON text
                form.putSingle(field, value.isTextual() ? value.asText() : Json.write(value));
            }
        }
        return form;
    }

    /**
     * Kazoo's refusal: a Kazoo step's own words (the lock, the rate limit, the second factor's challenge) as they
     * are, with their {@code Retry-After}; Keycloak's
     * wrong password (400 invalid_grant) as Kazoo's 401 invalid credentials.
     */
    private static KazooException refusal(DirectGrant.Outcome outcome) {
        JsonNode body = outcome.body();
        Optional<KazooException> kazoos = TokenEndpointBody.read(body, outcome.status(), outcome.retryAfterSeconds());
        if (kazoos.isPresent()) {
            return kazoos.get();
        }
        if (OAuthErrorException.INVALID_GRANT.equals(body.path(OAuth2Constants.ERROR).asText())) {
            return KazooException.loginRefused();
        }
        return new KazooException(outcome.status() >= 400 ? outcome.status() : 500,
                body.path(OAuth2Constants.ERROR).asText("login failed"),
                Json.object().put("message", body.path(OAuth2Constants.ERROR_DESCRIPTION).asText("login failed")));
    }

    /** Any other path below this one: Kazoo's 404, not the server's bare one. */
    @Path("{unknown: .+}")
    public UnknownEndpoint unknown() {
        return new UnknownEndpoint(pipeline);
    }
}
