<#-- The HMAC-TOTP token as the second factor: the token an application made for the user, pasted or filled in. -->
<#import "template.ftl" as layout>
<#import "field.ftl" as field>
<#import "buttons.ftl" as buttons>
<@layout.registrationLayout displayMessage=!messagesPerField.existsError('multi_factor_response') displayInfo=true; section>
    <#if section="header">
        ${msg("kazooHmacTokenTitle")}
    <#elseif section="form">
        <form id="kc-kazoo-hmac-token-form" class="${properties.kcFormClass!}" action="${url.loginAction}" method="post">
            <@field.input name="multi_factor_response" label=msg("kazooHmacTokenLabel") autocomplete="one-time-code" autofocus=true />
            <@buttons.loginButton />
        </form>
    <#elseif section="info">
        ${msg("kazooHmacTokenHelp", kazooJid)}
    </#if>
</@layout.registrationLayout>
