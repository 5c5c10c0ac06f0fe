package org.kazooauth.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ONE provider jar: Keycloak's own libraries never inside it, the Duo SDK and its dependencies inside but
 * relocated, so it cannot clash with Keycloak or another provider (the Jackson breakages of other Duo plugins).
 */
class ProviderJarIT {

    private static final List<String> NEVER_INSIDE = List.of(
            "com/fasterxml/", "jakarta/", "org/keycloak/", "org/jboss/", "net/bytebuddy/",
            "okhttp3/", "okio/", "retrofit2/", "com/auth0/", "kotlin/", "com/duosecurity/");
    private static final Pattern UNRELOCATED_REFERENCE =
            Pattern.compile("(.{0,7})(okhttp3|okio|retrofit2|com/duosecurity|com/auth0|kotlin)/[A-Za-z]");

    private static final List<String> entries = new ArrayList<>();
    private static JarFile jar;

    @BeforeAll
    static void open() throws IOException {
        jar = new JarFile(Path.of(System.getProperty("kazoo.jar")).toFile());
        jar.stream().map(ZipEntry::getName).forEach(entries::add);
    }

    @Test
    void keycloaksOwnLibrariesAndUnrelocatedDependenciesAreNotInside() {
        for (String entry : entries) {
            String path = entry.replaceFirst("^META-INF/versions/\\d+/", "");
            for (String forbidden : NEVER_INSIDE) {
                assertTrue(!path.startsWith(forbidden), "must not be in the provider jar: " + entry);
            }
        }
        assertTrue(entries.stream().noneMatch(e -> e.endsWith("module-info.class")), "no module-info");
    }

    @Test
    void theDuoSdkAndItsDependenciesAreInsideRelocated() {
        for (String relocated : List.of(
                "org/kazooauth/shaded/com/duosecurity/Client.class",
                "org/kazooauth/shaded/okhttp3/OkHttpClient.class",
                "org/kazooauth/shaded/okio/Buffer.class",
                "org/kazooauth/shaded/retrofit2/Retrofit.class",
                "org/kazooauth/shaded/retrofit2/converter/jackson/JacksonConverterFactory.class",
                "org/kazooauth/shaded/com/auth0/jwt/JWT.class")) {
            assertTrue(entries.contains(relocated), "missing " + relocated);
        }
    }

    @Test
    void relocatedClassesOnlyReferToRelocatedPackages() throws IOException {
        List<String> offenders = new ArrayList<>();
        for (String entry : entries) {
            if (!entry.endsWith(".class")) {
                continue;
            }
            String constants = new String(jar.getInputStream(jar.getEntry(entry)).readAllBytes(),
                    StandardCharsets.ISO_8859_1);
            Matcher reference = UNRELOCATED_REFERENCE.matcher(constants);
            while (reference.find()) {
                if (!reference.group(1).endsWith("shaded/")) {
                    offenders.add(entry + " -> " + reference.group(2));
                }
            }
        }
        assertEquals(List.of(), offenders);
    }

    @Test
    void everyProviderIsRegisteredAndTheResourcesAreDiscoverable() throws IOException {
        assertEquals("org.kazooauth.rest.KazooRealmResourceProviderFactory",
                read("META-INF/services/org.keycloak.services.resource.RealmResourceProviderFactory").trim());
        assertEquals("org.kazooauth.admin.KazooAdminResourceProviderFactory",
                read("META-INF/services/org.keycloak.services.resources.admin.ext.AdminRealmResourceProviderFactory")
                        .trim());
        assertEquals(List.of("org.kazooauth.authn.KazooOtpForm$Factory",
                        "org.kazooauth.authn.KazooPasswordForm$Factory",
                        "org.kazooauth.authn.KazooValidatePassword",
                        "org.kazooauth.authn.KnownDeviceStep$Factory",
                        "org.kazooauth.authn.LoginPolicyAuthenticatorFactory",
                        "org.kazooauth.authn.LoginPolicyAuthenticatorFactory$DirectGrant",
                        "org.kazooauth.authn.MultiFactorRequiredConditionFactory",
                        "org.kazooauth.authn.MultiFactorStepFactory",
                        "org.kazooauth.authn.MultiFactorStepFactory$DirectGrant"),
                read("META-INF/services/org.keycloak.authentication.AuthenticatorFactory").lines().sorted().toList());
        assertEquals("org.kazooauth.core.keycloak.mfa.MultiFactorProviderSpi",
                read("META-INF/services/org.keycloak.provider.Spi").trim());
        assertEquals(List.of("org.kazooauth.core.keycloak.mfa.KindComponentFactory$Duo",
                        "org.kazooauth.core.keycloak.mfa.KindComponentFactory$HmacTotp",
                        "org.kazooauth.core.keycloak.mfa.OwnerFolderFactory"),
                read("META-INF/services/org.kazooauth.core.keycloak.mfa.MultiFactorProviderFactory").lines().sorted()
                        .toList());
        assertEquals(List.of("org.kazooauth.admin.SettingsTabMirror",
                        "org.kazooauth.authn.attempt.LoginAttemptRecorderFactory"),
                read("META-INF/services/org.keycloak.events.EventListenerProviderFactory").lines().sorted().toList());
        assertEquals("org.kazooauth.admin.KazooSettingsTab",
                read("META-INF/services/org.keycloak.services.ui.extend.UiTabProviderFactory").trim());
        assertEquals("org.kazooauth.core.keycloak.jpa.KazooJpaEntityProviderFactory",
                read("META-INF/services/org.keycloak.connections.jpa.entityprovider.JpaEntityProviderFactory").trim());
        assertEquals("org.kazooauth.authn.TokenLifetimeMapper",
                read("META-INF/services/org.keycloak.protocol.ProtocolMapper").trim());
        assertNotNull(jar.getEntry("META-INF/beans.xml"), "JAX-RS resources need a beans.xml since Keycloak 22");
        assertTrue(read("META-INF/keycloak-themes.json").contains("\"kazoo\""));
        assertEquals(System.getProperty("keycloak.release"),
                jar.getManifest().getMainAttributes().getValue("Keycloak-Version"));
    }

    private static String read(String entry) throws IOException {
        ZipEntry found = jar.getEntry(entry);
        assertNotNull(found, "missing " + entry);
        return new String(jar.getInputStream(found).readAllBytes(), StandardCharsets.UTF_8);
    }
}
