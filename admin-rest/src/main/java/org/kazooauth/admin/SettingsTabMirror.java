package org.kazooauth.admin;

import com.google.auto.service.AutoService;
import org.kazooauth.core.keycloak.StatelessProviderFactory;
import org.kazooauth.core.settings.SystemSetting;
import org.kazooauth.core.settings.SystemSettings;
import org.keycloak.common.util.MultivaluedHashMap;
import org.keycloak.component.ComponentModel;
import org.keycloak.events.Event;
import org.keycloak.events.EventListenerProvider;
import org.keycloak.events.EventListenerProviderFactory;
import org.keycloak.events.admin.AdminEvent;
import org.keycloak.events.admin.OperationType;
import org.keycloak.events.admin.ResourceType;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.RealmModel;
import org.keycloak.provider.ProviderEvent;
import org.keycloak.services.ui.extend.UiTabProvider;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Keeps the Kazoo tab's form showing the realm attributes when they change outside the tab: a realm import
 * (also at boot) and an update of the realm through the admin API. The attributes are copied verbatim, a value
 * the tab would refuse included, so the form shows what is stored and saving asks for a fix. A global listener
 * (nothing to enable per realm) that only looks at realm updates.
 */
@AutoService(EventListenerProviderFactory.class)
public final class SettingsTabMirror implements EventListenerProviderFactory,
        StatelessProviderFactory<EventListenerProvider> {

    public static final String ID = "kazoo-settings-tab";
    private static final String MIRRORING = SettingsTabMirror.class.getName();

    @Override
    public EventListenerProvider create(KeycloakSession session) {
        return new EventListenerProvider() {
            @Override
            public void onEvent(Event event) {
            }

            @Override
            public void onEvent(AdminEvent event, boolean includeRepresentation) {
                if (event.getResourceType() == ResourceType.REALM && event.getOperationType() == OperationType.UPDATE) {
                    Optional.ofNullable(session.realms().getRealm(event.getRealmId()))
                            .ifPresent(realm -> mirror(session, realm));
                }
            }

            @Override
            public void close() {
            }
        };
    }

    @Override
    public boolean isGlobal() {
        return true;
    }

    @Override
    public String getId() {
        return ID;
    }

    static void onRealmCreated(ProviderEvent event) {
        if (event instanceof RealmModel.RealmPostCreateEvent created) {
            mirror(created.getKeycloakSession(), created.getCreatedRealm());
        }
    }

    /** Whether the tab's form is being set from the attributes, which the tab must then not write back. */
    static boolean isMirroring(KeycloakSession session) {
        return session.getAttribute(MIRRORING) != null;
    }

    /**
     * Sets the tab's form to the realm's attributes. A realm whose form was never saved gets one only when it has
     * Kazoo settings: without one the console shows the defaults, which are then right.
     */
    static void mirror(KeycloakSession session, RealmModel realm) {
        MultivaluedHashMap<String, String> stored = new MultivaluedHashMap<>();
        for (SystemSetting setting : SystemSettings.ALL) {
            Optional.ofNullable(realm.getAttribute(setting.attribute()))
                    .ifPresent(value -> stored.putSingle(setting.field(), value));
        }
        Optional<ComponentModel> form = realm.getComponentsStream(realm.getId(), UiTabProvider.class.getName())
                .filter(component -> KazooSettingsTab.ID.equals(component.getProviderId())).findFirst();
        if (form.isEmpty() && stored.isEmpty() || form.isPresent() && shows(form.get(), stored)) {
            return;
        }
        session.setAttribute(MIRRORING, Boolean.TRUE);
        try {
            if (form.isPresent()) {
                ComponentModel update = new ComponentModel(form.get());
                SystemSettings.ALL.forEach(setting -> update.getConfig().remove(setting.field()));
                update.getConfig().putAll(stored);
                realm.updateComponent(update);
            } else {
                ComponentModel created = new ComponentModel();
                created.setName(KazooSettingsTab.ID);
                created.setProviderId(KazooSettingsTab.ID);
                created.setProviderType(UiTabProvider.class.getName());
                created.setParentId(realm.getId());
                created.setConfig(stored);
                realm.addComponentModel(created);
            }
        } finally {
            session.removeAttribute(MIRRORING);
        }
    }

    private static boolean shows(ComponentModel form, MultivaluedHashMap<String, String> stored) {
        return SystemSettings.ALL.stream().allMatch(setting -> Objects.equals(
                Optional.ofNullable(form.getConfig().get(setting.field())).orElse(List.of()),
                Optional.ofNullable(stored.get(setting.field())).orElse(List.of())));
    }
}
