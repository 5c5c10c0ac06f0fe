package org.kazooauth.admin;

import com.google.auto.service.AutoService;
import org.kazooauth.core.keycloak.KazooNames;
import org.kazooauth.core.settings.SystemSetting;
import org.kazooauth.core.settings.SystemSettings;
import org.keycloak.Config;
import org.keycloak.component.ComponentModel;
import org.keycloak.component.ComponentValidationException;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.KeycloakSessionFactory;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderConfigProperty;
import org.keycloak.provider.ProviderConfigurationBuilder;
import org.keycloak.services.ui.extend.UiTabProvider;
import org.keycloak.services.ui.extend.UiTabProviderFactory;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The "Kazoo" tab of the admin console's realm settings: every system-only setting of the pack as a typed field
 * with help. The console keeps the form in a component of the realm; saving it writes the realm attributes of
 * DESIGN §2, which stay the one store (export/import and the readers use them), and a value that cannot be used
 * is refused with a 400 that names the field, nothing written. {@link SettingsTabMirror} keeps the form showing
 * the attributes when they change elsewhere.
 */
@AutoService(UiTabProviderFactory.class)
public final class KazooSettingsTab implements UiTabProvider, UiTabProviderFactory<ComponentModel> {

    /** The tab's title in the console, and the component's provider id. */
    public static final String ID = "Kazoo";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public String getPath() {
        return "/:realm/realm-settings/:tab?";
    }

    @Override
    public Map<String, String> getParams() {
        return Map.of("tab", "kazoo");
    }

    @Override
    public String getHelpText() {
        return "The Kazoo pack's system settings: the account lock and its bucket, the rate limit, the default "
                + "second-factor provider, the login-attempt log and the crossbar client. Each account's own auth "
                + "modules (kazoo.auth_modules.*) stay on its group: Groups > the account > Attributes, or "
                + "PATCH /realms/{realm}/kazoo/v2/accounts/{id}/security.";
    }

    @Override
    public List<ProviderConfigProperty> getConfigProperties() {
        ProviderConfigurationBuilder form = ProviderConfigurationBuilder.create();
        for (SystemSetting setting : SystemSettings.ALL) {
            form.property().name(setting.field()).label(setting.label())
                    .helpText(setting.help() + " (realm attribute " + setting.attribute() + ")")
                    .type(switch (setting.type()) {
                        case BOOLEAN -> ProviderConfigProperty.BOOLEAN_TYPE;
                        case INTEGER -> ProviderConfigProperty.INTEGER_TYPE;
                        case CHOICE -> ProviderConfigProperty.LIST_TYPE;
                        case TEXT -> ProviderConfigProperty.STRING_TYPE;
                        case CLIENT -> ProviderConfigProperty.CLIENT_LIST_TYPE;
                    })
                    .options(setting.options())
                    .defaultValue(setting.defaultValue())
                    .add();
        }
        return form.build();
    }

    @Override
    public void validateConfiguration(KeycloakSession session, RealmModel realm, ComponentModel form) {
        if (SettingsTabMirror.isMirroring(session)) {
            return;
        }
        Map<SystemSetting, String> problems = SystemSettings.problems(setting -> form.get(setting.field()));
        SystemSetting crossbar = SystemSettings.named(KazooNames.CROSSBAR_CLIENT_ATTRIBUTE);
        String client = form.get(crossbar.field());
        if (client != null && !client.isBlank() && realm.getClientByClientId(client.trim()) == null) {
            problems.put(crossbar, "names no client of realm " + realm.getName());
        }
        if (!problems.isEmpty()) {
            // Keycloak formats the message with MessageFormat, where a single quote escapes
            throw new ComponentValidationException(("Kazoo settings not saved: " + problems.entrySet().stream()
                    .map(problem -> problem.getKey().label() + " " + problem.getValue())
                    .collect(Collectors.joining("; "))).replace("'", "''"));
        }
    }

    @Override
    public void onCreate(KeycloakSession session, RealmModel realm, ComponentModel form) {
        store(session, realm, form);
    }

    @Override
    public void onUpdate(KeycloakSession session, RealmModel realm, ComponentModel before, ComponentModel form) {
        store(session, realm, form);
    }

    /** Writes the form to the realm attributes: a blank field removes its attribute, so the default applies. */
    private static void store(KeycloakSession session, RealmModel realm, ComponentModel form) {
        if (SettingsTabMirror.isMirroring(session)) {
            return;
        }
        for (SystemSetting setting : SystemSettings.ALL) {
            String value = form.get(setting.field());
            if (value == null || value.isBlank()) {
                realm.removeAttribute(setting.attribute());
            } else if (!value.trim().equals(realm.getAttribute(setting.attribute()))) {
                realm.setAttribute(setting.attribute(), value.trim());
            }
        }
    }

    @Override
    public void init(Config.Scope config) {
    }

    @Override
    public void postInit(KeycloakSessionFactory factory) {
        factory.register(SettingsTabMirror::onRealmCreated);
    }

    @Override
    public void close() {
    }
}
