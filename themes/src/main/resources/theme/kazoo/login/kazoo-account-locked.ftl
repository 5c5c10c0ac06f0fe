<#-- The account lock's notice: shown instead of judging the credentials while the user's lock bucket is empty. -->
<#import "template.ftl" as layout>
<@layout.registrationLayout displayMessage=false displayInfo=true; section>
    <#if section="header">
        ${msg("kazooAccountLockedTitle")}
    <#elseif section="form">
        <div id="kazoo-account-locked" class="${properties.kcFormClass!}">
            <p class="instruction">${msg("kazooAccountLocked")}</p>
            <p>${msg("kazooAccountLockedHelp")}</p>
        </div>
    <#elseif section="info">
        <a id="kazoo-try-again" href="${url.loginRestartFlowUrl}">${msg("kazooAccountLockedRetry")}</a>
    </#if>
</@layout.registrationLayout>
