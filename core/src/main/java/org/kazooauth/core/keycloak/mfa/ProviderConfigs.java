package org.kazooauth.core.keycloak.mfa;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.kazooauth.core.config.LeafType;
import org.kazooauth.core.json.Json;
import org.kazooauth.core.mfa.ProviderConfig;
import org.kazooauth.core.mfa.ProviderKind;
import org.keycloak.component.ComponentModel;
import org.keycloak.models.KeycloakSession;
import org.keycloak.models.ModelDuplicateException;
import org.keycloak.models.RealmModel;
import org.keycloak.models.utils.KeycloakModelUtils;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

/**
 * A realm's multi-factor provider configs as components of the realm (so that realm export carries them all):
 * the owning account and Kazoo's id in the component's config, the settings as its properties. Each owner's
 * configs sit in a folder component of the realm whose id is derived from the realm and the owner, so an owner's
 * configs are one look-up in Keycloak's realm cache, never a walk over every config of the realm. Kazoo's shipped
 * system default {@code duo} (disabled) shows until someone writes it, so every realm has it from the start.
 */
public final class ProviderConfigs {

    static final String PROVIDER_TYPE = MultiFactorProvider.class.getName();
    static final String KAZOO_ID = "kazoo.id";
    static final String OWNER = "kazoo.owner";
    static final String ENABLED = "kazoo.enabled";

    private final KeycloakSession session;
    private final RealmModel realm;

    public ProviderConfigs(KeycloakSession session, RealmModel realm) {
        this.session = session;
        this.realm = realm;
    }

    /** The configs of an account, or of the system when {@code owner} is empty. */
    public List<ProviderConfig> list(Optional<String> owner) {
        List<ProviderConfig> configs = new ArrayList<>(components(owner).map(ProviderConfigs::toConfig).toList());
        if (owner.isEmpty() && configs.stream().noneMatch(c -> c.id().equals(ProviderConfig.SYSTEM_DEFAULT_ID))) {
            configs.add(0, ProviderConfig.shippedSystemDefault());
        }
        return configs;
    }

    public Optional<ProviderConfig> find(Optional<String> owner, String id) {
        return list(owner).stream().filter(config -> config.id().equals(id)).findFirst();
    }

    /** Creates or replaces the config with this owner and id. */
    public ProviderConfig save(ProviderConfig config) {
        Optional<ComponentModel> existing = component(config.ownerAccount(), config.id());
        ComponentModel model = existing.orElseGet(ComponentModel::new);
        model.setName(config.name());
        model.setProviderId(config.providerName());
        model.setProviderType(PROVIDER_TYPE);
        model.setParentId(folder(config.ownerAccount()));
        model.setSubType("multi_factor");
        model.getConfig().clear();
        model.getConfig().putSingle(KAZOO_ID, config.id());
        model.getConfig().putSingle(OWNER, config.ownerAccount().orElse(""));
        model.getConfig().putSingle(ENABLED, Boolean.toString(config.enabled()));
        for (Map.Entry<String, JsonNode> setting : config.settings().properties()) {
            model.getConfig().putSingle(setting.getKey(), setting.getValue().asText());
        }
        if (existing.isPresent()) {
            realm.updateComponent(model);
        } else {
            realm.addComponentModel(model);
        }
        return config;
    }

    /** Removes it; false when there was none (the shipped default before anyone wrote it included). */
    public boolean delete(Optional<String> owner, String id) {
        Optional<ComponentModel> existing = component(owner, id);
        existing.ifPresent(realm::removeComponent);
        return existing.isPresent();
    }

    private Stream<ComponentModel> components(Optional<String> owner) {
        return realm.getComponentsStream(folderId(owner), PROVIDER_TYPE);
    }

    /** The id of {@code owner}'s folder: the same on every node and after export/import, unique across realms. */
    private String folderId(Optional<String> owner) {
        return UUID.nameUUIDFromBytes(("kazoo-multi-factor:" + realm.getId() + ":" + owner.orElse(""))
                .getBytes(StandardCharsets.UTF_8)).toString();
    }

    /**
     * {@code owner}'s folder, made when its first config is written; its id. Made in a transaction of its own, so
     * that two first configs of one owner written at once (on any node) both find it rather than one failing on
     * the duplicate; inline while the realm itself is being imported, which no other transaction sees yet.
     */
    private String folder(Optional<String> owner) {
        String id = folderId(owner);
        if (realm.getComponent(id) != null) {
            return id;
        }
        AtomicBoolean unseen = new AtomicBoolean();
        try {
            KeycloakModelUtils.runJobInTransaction(session.getKeycloakSessionFactory(), own -> {
                RealmModel committed = own.realms().getRealm(realm.getId());
                if (committed == null) {
                    unseen.set(true);
                } else if (committed.getComponent(id) == null) {
                    committed.addComponentModel(folderModel(id, owner));
                }
            });
        } catch (ModelDuplicateException madeMeanwhile) {
            // another request made it first: it is there now
        }
        if (unseen.get()) {
            realm.addComponentModel(folderModel(id, owner));
        }
        return id;
    }

    private ComponentModel folderModel(String id, Optional<String> owner) {
        ComponentModel folder = new ComponentModel();
        folder.setId(id);
        folder.setName(owner.map(account -> "configs of account " + account).orElse("configs of the system"));
        folder.setProviderId(OwnerFolderFactory.ID);
        folder.setProviderType(PROVIDER_TYPE);
        folder.setParentId(realm.getId());
        folder.getConfig().putSingle(OWNER, owner.orElse(""));
        return folder;
    }

    /**
     * Puts every config where {@link #components} looks: configs that earlier versions kept directly under the realm,
     * and those of a folder imported into a realm of another id (its id derives from the old one), move into their
     * owner's folder; the stale folder goes.
     */
    void moveLegacyConfigs() {
        realm.getComponentsStream(realm.getId(), PROVIDER_TYPE).toList().forEach(model -> {
            String owner = model.get(OWNER, "");
            Optional<String> account = owner.isEmpty() ? Optional.empty() : Optional.of(owner);
            if (!OwnerFolderFactory.ID.equals(model.getProviderId())) {
                moveInto(folder(account), model);
            } else if (!model.getId().equals(folderId(account))) {
                String folder = folder(account);
                realm.getComponentsStream(model.getId(), PROVIDER_TYPE).toList()
                        .forEach(config -> moveInto(folder, config));
                realm.removeComponent(model);
            }
        });
    }

    private void moveInto(String folder, ComponentModel config) {
        config.setParentId(folder);
        realm.updateComponent(config);
    }

    private Optional<ComponentModel> component(Optional<String> owner, String id) {
        return components(owner).filter(model -> id.equals(model.get(KAZOO_ID))).findFirst();
    }

    private static ProviderConfig toConfig(ComponentModel model) {
        ObjectNode settings = Json.object();
        Map<String, LeafType> types = ProviderKind.named(model.getProviderId()).map(ProviderKind::settings)
                .orElse(Map.of());
        model.getConfig().forEach((key, values) -> {
            if (!key.startsWith("kazoo.") && !values.isEmpty()) {
                LeafType type = types.getOrDefault(key, LeafType.STRING);
                settings.set(key, type.parse(values.get(0)).orElse(Json.MAPPER.getNodeFactory().textNode(values.get(0))));
            }
        });
        String owner = model.get(OWNER, "");
        return new ProviderConfig(model.get(KAZOO_ID, model.getId()), owner.isEmpty() ? Optional.empty()
                : Optional.of(owner), model.getName(), model.getProviderId(),
                Boolean.parseBoolean(model.get(ENABLED, "true")), settings);
    }
}
