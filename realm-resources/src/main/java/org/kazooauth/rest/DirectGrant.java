package org.kazooauth.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.keycloak.RequestId;
import org.keycloak.OAuth2Constants;
import org.keycloak.events.EventBuilder;
import org.keycloak.events.EventType;
import org.keycloak.http.FormPartValue;
import org.keycloak.http.HttpRequest;
import org.keycloak.models.ClientModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.protocol.oidc.OIDCAdvancedConfigWrapper;
import org.keycloak.protocol.oidc.TokenManager;
import org.keycloak.protocol.oidc.grants.OAuth2GrantType;
import org.keycloak.services.cors.Cors;

import java.security.cert.X509Certificate;
import java.util.HashMap;

/**
 * Runs Keycloak's own password grant, with the realm's direct-grant flow, from inside another request: the same
 * client checks, authenticators (lock, password, second factor), events, sessions and token response as the
 * token endpoint. Only the form it reads is ours.
 */
final class DirectGrant {

    /**
     * What the grant answered.
     *
     * @param status the HTTP status
     * @param body   the JSON body: the token response, or an error (OAuth's, and Kazoo's words where a Kazoo
     *               step refused)
     * @param retryAfterSeconds the refusal's {@code Retry-After}, 0 when it has none
     */
    record Outcome(int status, JsonNode body, long retryAfterSeconds) {
    }

    private DirectGrant() {
    }

    static Outcome run(KeycloakSession session, ClientModel client, MultivaluedMap<String, String> form) {
        form.putSingle(OAuth2Constants.GRANT_TYPE, OAuth2Constants.PASSWORD);
        form.putSingle(OAuth2Constants.CLIENT_ID, client.getClientId());
        session.getContext().setClient(client);
        EventBuilder event = new EventBuilder(session.getContext().getRealm(), session, session.getContext().getConnection())
                .event(EventType.LOGIN)
                .client(client)
                .detail(RequestId.EVENT_DETAIL, RequestId.of(session));
        OAuth2GrantType grant = session.getProvider(OAuth2GrantType.class, OAuth2Constants.PASSWORD);
        FormContext context = new FormContext(session, client, form, event);
        Response response;
        try {
            response = grant.process(context);
        } catch (WebApplicationException refused) {
            response = refused.getResponse();
        }
        Object entity = response.getEntity();
        JsonNode body = entity instanceof String text ? Json.read(text) : Json.MAPPER.valueToTree(entity);
        String retryAfter = response.getHeaderString(HttpHeaders.RETRY_AFTER);
        return new Outcome(response.getStatus(), body, retryAfter == null ? 0 : Long.parseLong(retryAfter.trim()));
    }

    /** The grant's context, reading our form instead of the request's body. */
    private static final class FormContext extends OAuth2GrantType.Context {

        FormContext(KeycloakSession session, ClientModel client, MultivaluedMap<String, String> form, EventBuilder event) {
            super(session, OIDCAdvancedConfigWrapper.fromClientModel(client), new HashMap<>(), form, event,
                    session.getProvider(Cors.class), new TokenManager());
            setClient(client);
            this.request = new FormRequest(request, form);
        }
    }

    /** The current request, as if it had posted {@code form}. */
    private record FormRequest(HttpRequest delegate, MultivaluedMap<String, String> form) implements HttpRequest {

        @Override
        public String getHttpMethod() {
            return "POST";
        }

        @Override
        public MultivaluedMap<String, String> getDecodedFormParameters() {
            return form;
        }

        @Override
        public MultivaluedMap<String, FormPartValue> getMultiPartFormParameters() {
            return new MultivaluedHashMap<>();
        }

        @Override
        public HttpHeaders getHttpHeaders() {
            return delegate.getHttpHeaders();
        }

        @Override
        public X509Certificate[] getClientCertificateChain() {
            return delegate.getClientCertificateChain();
        }

        @Override
        public UriInfo getUri() {
            return delegate.getUri();
        }

        @Override
        public boolean isProxyTrusted() {
            return delegate.isProxyTrusted();
        }
    }
}
